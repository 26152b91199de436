/// The issuer and audience development tokens carry (`civil token`) and services expect unless
/// configured otherwise (`<SERVICE>_JWT_ISSUER` / `CIVIL_JWT_ISSUER`, `…_JWT_AUDIENCE`). A bureau's
/// own identity provider sets both to its values.
public enum TokenDefaults {
    public static let issuer = "urn:civil:dev-issuer"
    public static let audience = "urn:civil:services"
    /// Where `civil token` keeps the development key pair and the JWKS the services read.
    public static let developmentDirectory = ".run/jwt"
    public static let developmentPrivateKeyFile = "dev-es256.pem"
    public static let developmentJWKSFile = "jwks.json"
}
