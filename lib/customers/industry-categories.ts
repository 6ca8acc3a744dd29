/**
 * Industry categories a partner may give in `industry_category_code`: ISO 18245 merchant category
 * codes (MCC) for the kinds of business AxisFI onboards. One list for the API rule, the OpenAPI
 * enum and the wizard's select (`name` in English, `nameZh` in Simplified Chinese).
 */
export const INDUSTRY_CATEGORIES = [
  { code: "5045", name: "Computers and software", nameZh: "计算机及软件" },
  { code: "5065", name: "Electrical parts and equipment", nameZh: "电气零件及设备" },
  { code: "5122", name: "Drugs and pharmaceuticals (wholesale)", nameZh: "药品及医药产品（批发）" },
  { code: "5137", name: "Uniforms and commercial clothing", nameZh: "制服及职业服装" },
  { code: "5311", name: "Department stores", nameZh: "百货商店" },
  { code: "5399", name: "General merchandise", nameZh: "综合商品" },
  { code: "5411", name: "Grocery stores and supermarkets", nameZh: "杂货店及超市" },
  { code: "5499", name: "Food stores (specialty)", nameZh: "食品专卖店" },
  { code: "5651", name: "Family clothing stores", nameZh: "家庭服装店" },
  { code: "5691", name: "Clothing stores", nameZh: "服装店" },
  { code: "5732", name: "Electronics stores", nameZh: "电子产品商店" },
  { code: "5734", name: "Computer software stores", nameZh: "计算机软件商店" },
  { code: "5812", name: "Restaurants", nameZh: "餐厅" },
  { code: "5817", name: "Digital goods: applications and software", nameZh: "数字商品：应用程序及软件" },
  { code: "5818", name: "Digital goods: large merchant", nameZh: "数字商品：大型商户" },
  { code: "5942", name: "Book stores", nameZh: "书店" },
  { code: "5945", name: "Toy and game shops", nameZh: "玩具及游戏商店" },
  { code: "5964", name: "Catalogue and mail-order merchants", nameZh: "目录及邮购商户" },
  { code: "5969", name: "Direct marketing and other e-commerce", nameZh: "直销及其他电子商务" },
  { code: "5999", name: "Miscellaneous retail", nameZh: "其他零售" },
  { code: "4111", name: "Passenger transport", nameZh: "客运" },
  { code: "4214", name: "Freight and trucking", nameZh: "货运及卡车运输" },
  { code: "4722", name: "Travel agencies", nameZh: "旅行社" },
  { code: "4812", name: "Telecommunication equipment", nameZh: "电信设备" },
  { code: "4816", name: "Computer network and information services", nameZh: "计算机网络及信息服务" },
  { code: "7011", name: "Hotels and lodging", nameZh: "酒店及住宿" },
  { code: "7311", name: "Advertising services", nameZh: "广告服务" },
  { code: "7372", name: "Computer programming and data processing", nameZh: "计算机编程及数据处理" },
  { code: "7392", name: "Management, consulting and public relations", nameZh: "管理、咨询及公共关系" },
  { code: "7399", name: "Business services", nameZh: "商业服务" },
  { code: "8011", name: "Doctors and physicians", nameZh: "医生及诊所" },
  { code: "8220", name: "Colleges and universities", nameZh: "高等院校" },
  { code: "8299", name: "Schools and educational services", nameZh: "学校及教育服务" },
  { code: "8398", name: "Charitable and social service organisations", nameZh: "慈善及社会服务机构" },
  { code: "8931", name: "Accounting and bookkeeping", nameZh: "会计及记账" },
  { code: "8999", name: "Professional services", nameZh: "专业服务" },
] as const;

export const INDUSTRY_CATEGORY_CODES: ReadonlySet<string> = new Set(
  INDUSTRY_CATEGORIES.map((category) => category.code),
);
