/** Joins the truthy class names, so conditional classes read as `cn("base", active && "active")`. */
export function cn(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(" ");
}
