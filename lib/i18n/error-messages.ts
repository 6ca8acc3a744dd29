/**
 * The one translator of refusal messages. lib/ and the schemas always word their messages in
 * English (the API's default, and the stable text lib/errors.ts reads to tell `required`); each
 * door (the partner API, server actions, the portal's upload routes, the wizard's own validation)
 * passes them through `translateMessage` with the reader's language. Codes and fields never
 * change: only the words.
 *
 * Browser-safe and dependency-free: the wizard loads it with its validation code.
 *
 * Every English message lib/ and app/ can produce is an entry here, the interpolated parts as
 * named placeholders (`{max}`); lib/i18n/error-messages.test.ts reads the source and fails when
 * one has no entry. A placeholder's value is carried over as given, or put into words by the
 * entry's `values` (a status, a country's name, a nested message).
 */
import { DEFAULT_LOCALE, type Locale } from "./locales";

type ValueWords = (value: string) => string;

interface MessageEntry {
  en: string;
  "zh-CN": string;
  /** Per placeholder, how its value reads in Chinese (default: as given). */
  values?: Readonly<Record<string, ValueWords>>;
}

const STATUS: Readonly<Record<string, string>> = {
  pending: "待审核",
  active: "已通过",
  rejected: "已拒绝",
  suspended: "已暂停",
};
const status: ValueWords = (value) => STATUS[value] ?? value;

const DECISION: Readonly<Record<string, string>> = {
  approve: "批准",
  reject: "拒绝",
  suspend: "暂停",
  reactivate: "恢复",
};
const decision: ValueWords = (value) => DECISION[value.toLowerCase()] ?? value;
/** "approve or reject" → "批准或拒绝". */
const decisions: ValueWords = (value) => value.split(" or ").map(decision).join("或");

/** Zod's words for JSON types and sizes, in its default messages. */
const ZOD_WORDS: Readonly<Record<string, string>> = {
  object: "对象",
  array: "数组",
  string: "文本",
  number: "数字",
  boolean: "布尔值",
  null: "null",
  undefined: "空值",
  bigint: "整数",
  date: "日期",
  set: "集合",
  map: "映射",
  file: "文件",
  value: "值",
  characters: "个字符",
  items: "项",
  bytes: "字节",
  "email address": "电子邮件地址",
  URL: "URL",
  input: "输入",
};
const zodWord: ValueWords = (value) => ZOD_WORDS[value] ?? value;

const THINGS: Readonly<Record<string, string>> = {
  delivery: "推送记录",
  "webhook endpoint": "Webhook 端点",
  customer: "客户",
  document: "文件",
};
const thing: ValueWords = (value) => THINGS[value] ?? value;

const MULTIPART_DETAILS: Readonly<Record<string, string>> = {
  "the body ended early": "请求体提前结束",
  "it could not be parsed": "无法解析",
};
const multipartDetail: ValueWords = (value) => MULTIPART_DETAILS[value] ?? value;

/** English country names (as Intl words them in lib/customers/phone.ts) → Chinese ones. */
let countryNames: Map<string, string> | null = null;
const country: ValueWords = (value) => {
  if (!countryNames) {
    countryNames = new Map();
    const english = new Intl.DisplayNames(["en"], { type: "region" });
    const chinese = new Intl.DisplayNames(["zh-CN"], { type: "region" });
    const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    for (const first of letters) {
      for (const second of letters) {
        const code = first + second;
        try {
          const name = english.of(code);
          if (name && name !== code) countryNames.set(name, chinese.of(code) ?? name);
        } catch {
          // Not a region code.
        }
      }
    }
  }
  return countryNames.get(value) ?? value;
};

/** A sentence within a sentence ("Approve is not possible: A pending customer …"). */
const nested: ValueWords = (value) => translateMessage(value, "zh-CN");

/** Drops what English needs and Chinese does not (a plural "s"). */
const nothing: ValueWords = () => "";

export const ERROR_MESSAGES = [
  // The partner API's door (lib/api/, lib/errors.ts).
  { en: "The request has invalid fields.", "zh-CN": "请求中有无效字段。" },
  { en: "…and {more} more", "zh-CN": "……另有 {more} 项" },
  {
    en: "Something went wrong on our side. Try again; if it persists, contact support with the request_id.",
    "zh-CN": "我们这边出了问题。请重试；如果问题持续存在，请提供 request_id 联系支持团队。",
  },
  { en: "The file is larger than 10 MB.", "zh-CN": "文件大于 10 MB。" },
  { en: "The request body is larger than {size} MB.", "zh-CN": "请求体大于 {size} MB。" },
  {
    en: "Send the request body as JSON with Content-Type: application/json.",
    "zh-CN": "请以 JSON 格式发送请求体，并设置 Content-Type: application/json。",
  },
  { en: "The request body is not valid JSON.", "zh-CN": "请求体不是有效的 JSON。" },
  {
    en: "The Idempotency-Key header must be 1–{max} visible ASCII characters.",
    "zh-CN": "Idempotency-Key 请求头须为 1–{max} 个可见 ASCII 字符。",
  },
  {
    en: "This Idempotency-Key was used with a different request (another body, endpoint or customer). Use a new key for a new request.",
    "zh-CN": "此 Idempotency-Key 已用于另一个请求（请求体、端点或客户不同）。新请求请使用新的键。",
  },
  {
    en: "A request with this Idempotency-Key is still being processed. Retry shortly.",
    "zh-CN": "使用此 Idempotency-Key 的请求仍在处理中。请稍后重试。",
  },
  {
    en: "This Idempotency-Key changed while the request ran. Retry it.",
    "zh-CN": "此 Idempotency-Key 在请求处理期间发生了变化。请重试。",
  },
  {
    en: "Too many requests with an Idempotency-Key are being processed at once. Retry shortly.",
    "zh-CN": "同时处理中的带 Idempotency-Key 的请求过多。请稍后重试。",
  },
  {
    en: "Invalid or missing API credentials. Send X-API-Key and X-API-Secret.",
    "zh-CN": "API 凭据无效或缺失。请发送 X-API-Key 和 X-API-Secret。",
  },
  { en: "No such endpoint.", "zh-CN": "不存在此端点。" },
  { en: "Use {methods} for this endpoint.", "zh-CN": "此端点请使用 {methods}。" },
  {
    en: "Too many requests for this API key. Retry after the Retry-After seconds.",
    "zh-CN": "此 API 密钥的请求过多。请在 Retry-After 指定的秒数后重试。",
  },

  // Sign-in, accounts, partners.
  { en: "Email or password is incorrect.", "zh-CN": "邮箱或密码不正确。" },
  { en: "Sign in to view documents.", "zh-CN": "请登录后查看文件。" },
  {
    en: "Too many failed sign-in attempts. Try again in {minutes} minute{plural}.",
    "zh-CN": "登录失败次数过多。请在 {minutes} 分钟后重试。",
    values: { plural: nothing },
  },
  { en: "Only administrators see security events.", "zh-CN": "只有管理员可以查看安全事件。" },
  { en: "Passwords must be at least {min} characters.", "zh-CN": "密码至少需要 {min} 个字符。" },
  { en: "Use at least {min} characters.", "zh-CN": "请至少使用 {min} 个字符。" },
  { en: "Use at most {max} characters.", "zh-CN": "最多使用 {max} 个字符。" },
  {
    en: "Partner roles need a partner; other roles have none.",
    "zh-CN": "合作伙伴角色需要指定合作伙伴；其他角色不指定。",
  },
  { en: "An account with this email already exists.", "zh-CN": "使用此邮箱的账号已存在。" },
  { en: "That partner does not exist.", "zh-CN": "该合作伙伴不存在。" },
  { en: "Choose one of the listed partners.", "zh-CN": "请从列出的合作伙伴中选择一个。" },
  { en: "Choose the partner this person works for.", "zh-CN": "请选择此人所属的合作伙伴。" },
  { en: "Only partner roles work for a partner.", "zh-CN": "只有合作伙伴角色可以隶属于合作伙伴。" },
  { en: "A name and an email are required.", "zh-CN": "姓名和邮箱为必填项。" },
  { en: "Enter the person's name.", "zh-CN": "请输入此人的姓名。" },
  { en: "Enter an email address.", "zh-CN": "请输入邮箱地址。" },
  {
    en: "Enter an email address such as name@example.com.",
    "zh-CN": "请输入邮箱地址，例如 name@example.com。",
  },
  { en: "Only administrators manage accounts.", "zh-CN": "只有管理员可以管理账号。" },
  { en: "This account no longer exists.", "zh-CN": "此账号已不存在。" },
  { en: "The portal needs at least one enabled administrator.", "zh-CN": "门户至少需要一个已启用的管理员。" },
  {
    en: "You cannot change your own role. Ask another administrator to do it.",
    "zh-CN": "您不能更改自己的角色。请让其他管理员操作。",
  },
  {
    en: "You cannot disable your own account. Ask another administrator to do it.",
    "zh-CN": "您不能停用自己的账号。请让其他管理员操作。",
  },
  { en: "Enter the partner's name.", "zh-CN": "请输入合作伙伴名称。" },
  { en: "Choose an account.", "zh-CN": "请选择账号。" },
  { en: "A partner name must be 1–200 characters.", "zh-CN": "合作伙伴名称须为 1–200 个字符。" },
  {
    en: "A rate limit is a whole number of requests per second (1–1,000,000) and a burst at least as large.",
    "zh-CN": "速率限制须为每秒请求数（1–1,000,000 的整数），突发量不得小于该值。",
  },
  { en: "No partner {partnerId}.", "zh-CN": "不存在合作伙伴 {partnerId}。" },
  { en: "This key is already revoked, or it is not one of your keys.", "zh-CN": "此密钥已被撤销，或不属于您。" },
  { en: "Choose a key to revoke.", "zh-CN": "请选择要撤销的密钥。" },

  // Customers: creation, queries, reviews, fixes.
  { en: "No file with this id was uploaded with your account.", "zh-CN": "您的账户未上传过此 ID 的文件。" },
  { en: "The request refers to files that do not exist.", "zh-CN": "请求引用了不存在的文件。" },
  {
    en: "A customer with this partner_customer_id already exists: {customerId}.",
    "zh-CN": "使用此 partner_customer_id 的客户已存在：{customerId}。",
  },
  { en: "This partner_customer_id is already in use.", "zh-CN": "此 partner_customer_id 已被使用。" },
  { en: "No such customer.", "zh-CN": "不存在此客户。" },
  { en: "No such legal representative.", "zh-CN": "不存在此法定代表人。" },
  { en: "No such document.", "zh-CN": "不存在此文件。" },
  { en: "No such {thing}.", "zh-CN": "不存在此{thing}。", values: { thing } },
  { en: "Only the partner's staff fix its customers.", "zh-CN": "只有该合作伙伴的员工可以修正其客户信息。" },
  {
    en: "Enter the full ID number: the one shown is masked.",
    "zh-CN": "请输入完整的证件号码：显示的号码已打码。",
  },
  { en: "Nothing to save for this step.", "zh-CN": "此步骤没有需要保存的内容。" },
  { en: "The query has invalid parameters.", "zh-CN": "查询参数无效。" },
  { en: "Only compliance reviewers may reveal ID numbers.", "zh-CN": "只有合规审核员可以查看完整证件号码。" },
  { en: "Only compliance reviewers decide on customers.", "zh-CN": "只有合规审核员可以对客户作出决定。" },
  { en: "Give a reason for the decision.", "zh-CN": "请填写决定的原因。" },
  { en: "Give a reason of {min} to {max} characters.", "zh-CN": "请填写 {min} 到 {max} 个字符的原因。" },
  { en: "Unknown decision.", "zh-CN": "未知的决定。" },
  {
    en: "The decision names no customer version. Reload the page.",
    "zh-CN": "该决定未指明客户版本。请重新加载页面。",
  },
  {
    en: "This customer changed while you were reviewing it (it is now {status}). Reload to see the latest, then decide again.",
    "zh-CN": "您审核期间此客户已发生变化（当前状态：{status}）。请重新加载查看最新信息，然后再作决定。",
    values: { status },
  },
  {
    en: "This customer changed while you were reviewing it. Reload, then decide again.",
    "zh-CN": "您审核期间此客户已发生变化。请重新加载，然后再作决定。",
  },
  {
    en: "This customer changed while you were reviewing it (it is now {status}). Reload to see the latest, then try again.",
    "zh-CN": "您审核期间此客户已发生变化（当前状态：{status}）。请重新加载查看最新信息，然后重试。",
    values: { status },
  },
  {
    en: "This customer changed while you were reviewing it. Reload, then try again.",
    "zh-CN": "您审核期间此客户已发生变化。请重新加载，然后重试。",
  },
  {
    en: "This customer changed since the page was loaded. Reload to see the latest, then try again.",
    "zh-CN": "页面加载后此客户已发生变化。请重新加载查看最新信息，然后重试。",
  },
  {
    en: "A {status} customer can only be: {decisions}.",
    "zh-CN": "{status}的客户只能{decisions}。",
    values: { status, decisions },
  },
  {
    en: "A {status} customer cannot change status.",
    "zh-CN": "{status}的客户不能更改状态。",
    values: { status },
  },
  {
    en: "{decision} is not possible: {reason}",
    "zh-CN": "无法{decision}：{reason}",
    values: { decision, reason: nested },
  },
  {
    en: "The customer is {status}: only a pending customer can be asked for information or updated.",
    "zh-CN": "该客户状态为{status}：只有待审核的客户可以被要求补充信息或更新。",
    values: { status },
  },
  { en: "Only compliance reviewers request information.", "zh-CN": "只有合规审核员可以要求补充信息。" },
  { en: "Choose the fields to fix, each with a note.", "zh-CN": "请选择需要修正的字段，并为每项填写说明。" },
  {
    en: "The request names no customer version. Reload the page.",
    "zh-CN": "该请求未指明客户版本。请重新加载页面。",
  },
  { en: "This customer has no such field.", "zh-CN": "此客户没有该字段。" },
  { en: "Choose fields this customer has.", "zh-CN": "请选择此客户拥有的字段。" },
  {
    en: "partner_customer_id cannot be changed: it names the customer for good.",
    "zh-CN": "partner_customer_id 不能更改：它是客户的永久标识。",
  },
  { en: "Send at least one section to replace.", "zh-CN": "请至少发送一个要替换的部分。" },
  { en: "Choose a field.", "zh-CN": "请选择字段。" },
  { en: "Give a note.", "zh-CN": "请填写说明。" },
  { en: "Give a note of {min} to {max} characters.", "zh-CN": "请填写 {min} 到 {max} 个字符的说明。" },
  { en: "Choose at least one field or document to fix.", "zh-CN": "请至少选择一个需要修正的字段或文件。" },
  { en: "At most {max} items at once.", "zh-CN": "一次最多 {max} 项。" },
  { en: "Each field is listed once.", "zh-CN": "每个字段只能列出一次。" },
  { en: "Requested by AxisFI compliance: {reason}", "zh-CN": "AxisFI 合规团队要求：{reason}" },

  // Field checks (lib/customers/fields.ts, schema.ts, phone.ts, lib/errors.ts).
  { en: "This field is required.", "zh-CN": "此字段为必填项。" },
  { en: "This field is not part of the API.", "zh-CN": "此字段不属于 API。" },
  { en: "Must be text.", "zh-CN": "须为文本。" },
  { en: "Must be at most {max} characters.", "zh-CN": "最多 {max} 个字符。" },
  { en: "Must be at least {min} characters.", "zh-CN": "至少 {min} 个字符。" },
  { en: "At most {max} characters.", "zh-CN": "最多 {max} 个字符。" },
  { en: "Must not contain control characters.", "zh-CN": "不得包含控制字符。" },
  { en: "Must be valid Unicode text.", "zh-CN": "须为有效的 Unicode 文本。" },
  {
    en: "Must be written in Latin letters (A–Z, accents allowed).",
    "zh-CN": "须使用拉丁字母填写（A–Z，可带重音符号）。",
  },
  {
    en: "Must be an ISO 3166-1 alpha-2 country code, such as US.",
    "zh-CN": "须为 ISO 3166-1 alpha-2 国家/地区代码，例如 US。",
  },
  { en: "Must be an ISO 4217 currency code, such as USD.", "zh-CN": "须为 ISO 4217 货币代码，例如 USD。" },
  {
    en: "Must be a valid email address, such as name@example.com.",
    "zh-CN": "须为有效的邮箱地址，例如 name@example.com。",
  },
  {
    en: "Must be a web address starting with http:// or https://.",
    "zh-CN": "须为以 http:// 或 https:// 开头的网址。",
  },
  {
    en: "Must be an ISO 8601 date or date-time, such as 2023-11-07 or 2023-11-07T05:31:56Z.",
    "zh-CN": "须为 ISO 8601 日期或日期时间，例如 2023-11-07 或 2023-11-07T05:31:56Z。",
  },
  { en: "Must be a number, such as 99.99.", "zh-CN": "须为数字，例如 99.99。" },
  {
    en: "Must be a number from 0 up to 1,000,000,000,000 with at most 2 decimals.",
    "zh-CN": "须为 0 到 1,000,000,000,000 之间的数字，最多 2 位小数。",
  },
  { en: "Must be a file_id returned by the file upload.", "zh-CN": "须为文件上传返回的 file_id。" },
  { en: "Must be a whole number from 1 to 100.", "zh-CN": "须为 1 到 100 之间的整数。" },
  { en: "Must be a next_cursor value from a previous page.", "zh-CN": "须为上一页返回的 next_cursor 值。" },
  { en: "Must be one of {values}.", "zh-CN": "须为以下之一：{values}。" },
  { en: "At most {max} documents.", "zh-CN": "最多 {max} 个文件。" },
  { en: "The same file is listed twice.", "zh-CN": "同一文件被列出了两次。" },
  { en: "The expiry date must not be before the start date.", "zh-CN": "到期日期不得早于开始日期。" },
  {
    en: "Must be one of the listed industry category codes (ISO 18245 MCC).",
    "zh-CN": "须为列出的行业类别代码之一（ISO 18245 MCC）。",
  },
  { en: "The birth date must be in the past (and after 1900).", "zh-CN": "出生日期须为过去的日期（且晚于 1900 年）。" },
  { en: "Must be the number as printed on the document.", "zh-CN": "须为证件上印制的号码。" },
  { en: "The expiration date must not be before the issue date.", "zh-CN": "到期日期不得早于签发日期。" },
  { en: "Add at least one legal representative.", "zh-CN": "请至少添加一名法定代表人。" },
  { en: "At most {max} legal representatives.", "zh-CN": "最多 {max} 名法定代表人。" },
  {
    en: "Must contain only visible ASCII characters, without spaces.",
    "zh-CN": "只能包含可见的 ASCII 字符，不含空格。",
  },
  {
    en: "Enter the number with its country code, like {example}.",
    "zh-CN": "请输入带国家/地区代码的号码，例如 {example}。",
  },
  {
    en: "Enter a phone number with its country code, like {example}.",
    "zh-CN": "请输入带国家/地区代码的电话号码，例如 {example}。",
  },
  {
    en: "Use only digits after the +, with spaces, dashes, dots or parentheses between them.",
    "zh-CN": "+ 之后只能使用数字，数字之间可用空格、短横线、点或括号分隔。",
  },
  {
    en: "A phone number has a country code and 7 to 15 digits in all, like {example}.",
    "zh-CN": "电话号码须包含国家/地区代码，总共 7 到 15 位数字，例如 {example}。",
  },
  {
    en: "This number does not start with a country code, like {example}.",
    "zh-CN": "此号码未以国家/地区代码开头，例如 {example}。",
  },
  {
    en: "This is not a valid number for country code +{callingCode}.",
    "zh-CN": "这不是国家/地区代码 +{callingCode} 的有效号码。",
  },
  { en: "This is not a valid {country} number.", "zh-CN": "这不是有效的{country}号码。", values: { country } },

  // Files and uploads (lib/files, lib/pages, the portal's upload route).
  {
    en: "The multipart body is malformed ({detail}).",
    "zh-CN": "multipart 请求体格式有误（{detail}）。",
    values: { detail: multipartDetail },
  },
  {
    en: 'Upload the file as multipart/form-data in a field named "file".',
    "zh-CN": "请以 multipart/form-data 格式上传文件，字段名为“file”。",
  },
  { en: "Send one file per request.", "zh-CN": "每个请求只能发送一个文件。" },
  { en: "Send at most {max} form fields with the file.", "zh-CN": "随文件最多发送 {max} 个表单字段。" },
  {
    en: 'Send the document in a multipart field named "file".',
    "zh-CN": "请在名为“file”的 multipart 字段中发送文件。",
  },
  { en: "Choose a file to upload.", "zh-CN": "请选择要上传的文件。" },
  { en: "The file is empty.", "zh-CN": "文件为空。" },
  { en: "Only PDF, JPEG and PNG files are accepted.", "zh-CN": "仅接受 PDF、JPEG 和 PNG 文件。" },
  { en: "Sign in to upload documents.", "zh-CN": "请登录后上传文件。" },
  { en: "Not allowed.", "zh-CN": "不允许此操作。" },

  // Onboarding drafts and links.
  { en: "No such onboarding draft.", "zh-CN": "不存在此开户草稿。" },
  {
    en: "This onboarding is being submitted and can no longer be changed.",
    "zh-CN": "此开户申请正在提交，无法再更改。",
  },
  {
    en: "This onboarding was already submitted and can no longer be changed.",
    "zh-CN": "此开户申请已提交，无法再更改。",
  },
  {
    en: "This onboarding was changed in another tab or by a colleague after this page was loaded, so your changes were not saved. Reload to see it as it is now.",
    "zh-CN": "此页面加载后，开户申请已在其他标签页中或由同事更改，因此您的更改未保存。请重新加载查看最新内容。",
  },
  { en: "Unknown step.", "zh-CN": "未知的步骤。" },
  { en: "The page did not say which version it shows.", "zh-CN": "页面未指明所显示的版本。" },
  { en: "Some fields need your attention.", "zh-CN": "部分字段需要您处理。" },
  {
    en: "This onboarding was changed (in another tab or by a colleague) after you opened this review. Reload to review the latest, then submit.",
    "zh-CN": "您打开此审阅页面后，开户申请已被更改（在其他标签页中或由同事）。请重新加载查看最新内容，然后提交。",
  },
  { en: "No file {fileId} was uploaded with your key pair.", "zh-CN": "您的密钥对未上传过文件 {fileId}。" },
  {
    en: "A customer with this partner_customer_id already exists ({customerId}) and it is {status}, so nothing can be changed: there is nothing for the business to fill in.",
    "zh-CN":
      "使用此 partner_customer_id 的客户已存在（{customerId}），且状态为{status}，无法更改：企业无需填写任何内容。",
    values: { status },
  },
  {
    en: "A customer with this partner_customer_id already exists ({customerId}) and no information is requested from it: there is nothing for the business to fill in.",
    "zh-CN": "使用此 partner_customer_id 的客户已存在（{customerId}），且未被要求补充信息：企业无需填写任何内容。",
  },
  {
    en: "This partner_customer_id is already in use, and it is {status}, so nothing can be changed.",
    "zh-CN": "此 partner_customer_id 已被使用，且客户状态为{status}，无法更改。",
    values: { status },
  },
  {
    en: "This partner_customer_id is already in use, and no information is requested from it.",
    "zh-CN": "此 partner_customer_id 已被使用，且未被要求补充信息。",
  },
  { en: "prefill is only for a new customer.", "zh-CN": "prefill 仅适用于新客户。" },
  {
    en: "A link for an existing customer shows the customer's current data: prefill is only for new customers.",
    "zh-CN": "现有客户的链接显示客户的当前数据：prefill 仅适用于新客户。",
  },
  { en: "This onboarding link is not valid.", "zh-CN": "此开户链接无效。" },
  {
    en: "This onboarding session has ended. Open the link you were given again.",
    "zh-CN": "此开户会话已结束。请重新打开您收到的链接。",
  },
  { en: "A document named here was not uploaded on this page.", "zh-CN": "此处列出的某个文件不是在本页面上传的。" },
  { en: "Upload this document again.", "zh-CN": "请重新上传此文件。" },
  { en: "At most {max} documents can be uploaded here.", "zh-CN": "此处最多可上传 {max} 个文件。" },
  { en: "Nothing is requested on this step.", "zh-CN": "此步骤没有待补充项。" },
  { en: "Must be an https URL.", "zh-CN": "须为 https URL。" },
  { en: "Must not hold credentials (user:password@).", "zh-CN": "不得包含凭据（user:password@）。" },
  {
    en: "Must be an https URL (plain http only for localhost).",
    "zh-CN": "须为 https URL（仅 localhost 可使用 http）。",
  },
  { en: "Must be a language tag such as en or en-GB.", "zh-CN": "须为语言标记，例如 en 或 en-GB。" },

  // Webhooks.
  {
    en: "This delivery is being sent right now; try again in a moment.",
    "zh-CN": "此推送正在发送中，请稍后再试。",
  },
  {
    en: "Must not hold credentials (user:password@); the signature authenticates us.",
    "zh-CN": "不得包含凭据（user:password@）；我们通过签名进行身份验证。",
  },
  {
    en: "Must be reachable on the public internet, not a private or loopback address.",
    "zh-CN": "须可通过公网访问，不能是私有地址或回环地址。",
  },
  { en: "Must be a list of event types.", "zh-CN": "须为事件类型列表。" },
  { en: "Must name at least one event type.", "zh-CN": "须至少指定一个事件类型。" },
  { en: "No such webhook endpoint.", "zh-CN": "不存在此 Webhook 端点。" },
  {
    en: "At most {max} webhook endpoints can be in use. Delete one you no longer need first.",
    "zh-CN": "最多可使用 {max} 个 Webhook 端点。请先删除一个不再需要的端点。",
  },
  { en: "Choose an endpoint.", "zh-CN": "请选择端点。" },
  { en: "Choose a delivery.", "zh-CN": "请选择推送记录。" },

  // Zod's own words, for checks our schemas do not word (a section sent as text, say).
  { en: "Invalid input", "zh-CN": "输入无效" },
  {
    en: "Invalid input: expected {expected}, received {received}",
    "zh-CN": "输入无效：应为{expected}，实际为{received}",
    values: { expected: zodWord, received: zodWord },
  },
  { en: "Invalid input: expected {value}", "zh-CN": "输入无效：应为 {value}" },
  { en: "Invalid option: expected one of {values}", "zh-CN": "选项无效：应为以下之一：{values}" },
  {
    en: "Too big: expected {origin} to have {limit} {unit}",
    "zh-CN": "过大：{origin}应有 {limit} {unit}",
    values: { origin: zodWord, unit: zodWord },
  },
  {
    en: "Too big: expected {origin} to be {limit}",
    "zh-CN": "过大：{origin}应为 {limit}",
    values: { origin: zodWord },
  },
  {
    en: "Too small: expected {origin} to have {limit} {unit}",
    "zh-CN": "过小：{origin}应有 {limit} {unit}",
    values: { origin: zodWord, unit: zodWord },
  },
  {
    en: "Too small: expected {origin} to be {limit}",
    "zh-CN": "过小：{origin}应为 {limit}",
    values: { origin: zodWord },
  },
  { en: "Invalid string: must match pattern {pattern}", "zh-CN": "文本无效：须符合格式 {pattern}" },
  { en: "Invalid number: must be a multiple of {divisor}", "zh-CN": "数字无效：须为 {divisor} 的倍数" },
  { en: "Invalid value in {origin}", "zh-CN": "{origin}中有无效的值", values: { origin: zodWord } },
  { en: "Invalid key in {origin}", "zh-CN": "{origin}中有无效的键", values: { origin: zodWord } },
  { en: "Invalid {format}", "zh-CN": "{format}无效", values: { format: zodWord } },
] as const satisfies readonly MessageEntry[];

interface Template {
  pattern: RegExp;
  names: string[];
  entry: MessageEntry;
}

const PLACEHOLDER = /\{(\w+)\}/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function compile(entries: readonly MessageEntry[]): { exact: Map<string, MessageEntry>; templates: Template[] } {
  const exact = new Map<string, MessageEntry>();
  const templates: Template[] = [];
  for (const entry of entries) {
    const names = [...entry.en.matchAll(PLACEHOLDER)].map((found) => found[1]);
    if (names.length === 0) {
      exact.set(entry.en, entry);
      continue;
    }
    const parts = entry.en.split(PLACEHOLDER);
    // split() with a capture group alternates literal text and placeholder names.
    const source = parts.map((part, index) => (index % 2 === 0 ? escapeRegExp(part) : "(.*?)")).join("");
    templates.push({ pattern: new RegExp(`^${source}$`, "s"), names, entry });
  }
  return { exact, templates };
}

let compiled: ReturnType<typeof compile> | null = null;

/**
 * `message` in `locale`: the catalog's words with the same values filled in, or `message` as given
 * when the catalog has no entry for it (and always in English).
 */
export function translateMessage(message: string, locale: Locale): string {
  if (locale === DEFAULT_LOCALE) return message;
  compiled ??= compile(ERROR_MESSAGES);
  const exact = compiled.exact.get(message);
  if (exact) return exact[locale];
  for (const { pattern, names, entry } of compiled.templates) {
    const found = pattern.exec(message);
    if (!found) continue;
    const values = new Map(names.map((name, index) => [name, found[index + 1]]));
    return entry[locale].replace(PLACEHOLDER, (whole, name: string) => {
      const value = values.get(name);
      if (value === undefined) return whole;
      return entry.values?.[name]?.(value) ?? value;
    });
  }
  return message;
}

/** Field errors with their messages in `locale`; codes and fields unchanged. */
export function translateFieldErrors<T extends { message: string }>(errors: readonly T[], locale: Locale): T[] {
  if (locale === DEFAULT_LOCALE) return [...errors];
  return errors.map((error) => ({ ...error, message: translateMessage(error.message, locale) }));
}
