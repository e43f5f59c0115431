export * from "./audit";
export * from "./auth-links";
export * from "./flags";
export * from "./jobs";
export * from "./nav";
export * from "./plans";
export * from "./tenants";
export * from "./users";
