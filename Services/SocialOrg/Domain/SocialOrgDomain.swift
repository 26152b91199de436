// SocialOrg (社会组织管理): the registration and supervision of social organisations.
//
// Its scope: social groups (社会团体), social service organisations (社会服务机构, formerly
// 民办非企业单位) and foundations (基金会): their establishment, change and deregistration,
// their annual reports, and the supervision that follows (the list of organisations with
// abnormal activity, administrative penalties). Each is identified by its unified social credit
// code, whose kinds and check characters are `CreditCode`'s (Contracts). The service runs on the
// platform without routes until this domain is built; its types will live in this module.
