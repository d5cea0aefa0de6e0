/**
 * Secrets seen in tutorials, defaults and leaked configs. Tried locally as HMAC keys against a pasted
 * token (RFC 8725 §3.5: human-memorable secrets are brute-forceable offline). Nothing leaves the browser.
 */
const BASE = `secret your-256-bit-secret your-384-bit-secret your-512-bit-secret a-string-secret-at-least-256-bits-long
secretkey secret_key secret-key secretKey mysecret my-secret my_secret mySecret mysecretkey my-secret-key my_secret_key
jwt jwtsecret jwt-secret jwt_secret jwtSecret JWT_SECRET jwtkey jwt-key jwt_key jwtSecretKey token tokensecret token-secret
password password1 password123 Password Password1 P@ssw0rd passw0rd pass pass123 123456 12345678 123456789 1234567890 qwerty
abc123 admin admin123 root toor test test123 testing testsecret test-secret dev development prod production staging default
changeme change-me change_me changeit CHANGE_ME changemeplease letmein welcome hello helloworld hello-world iloveyou
shhh shhhhh shhhhhhared-secret sharedsecret shared-secret shared_secret key key1 key123 mykey privatekey private-key
supersecret super-secret super_secret supersecretkey topsecret top-secret verysecret very-secret notasecret not-a-secret
s3cr3t s3cret secr3t secret123 secret1 secret! Secret SECRET SecretKey SECRET_KEY app-secret app_secret appsecret
api-secret api_secret apisecret apikey api-key api_key client-secret client_secret clientsecret web-secret service-secret
legacy-secret auth authsecret auth-secret auth_secret authentication session sessionsecret session-secret cookie-secret
keyboard cat keyboardcat nodejs node express expressjs nestjs spring springboot django flask rails laravel symfony
hmac hmacsecret hmac-secret signing signingkey signing-key signing_key sign verify encryption encryptionkey
example sample demo demo-secret tutorial foo bar foobar baz qux asdf asdfgh zxcvbn 111111 000000 654321 1q2w3e4r
trustno1 dragon monkey sunshine princess football baseball master shadow superman batman starwars whatever
abcdef abcdefg abcdefgh abcdefghijklmnop 0123456789abcdef deadbeef cafebabe secretsecret secretpassword
thisismysecret thisisasecret this-is-a-secret thisismysecretkey mysupersecretkey my-super-secret my_super_secret_key
your_jwt_secret your-jwt-secret yoursecret your-secret your_secret YOUR_SECRET_KEY replace-me replaceme todo fixme
gophers golang python java javascript typescript php ruby rust kotlin csharp dotnet aspnet azure aws gcp firebase
okta auth0 keycloak cognito oauth oauth2 openid oidc bearer access accesstoken access-token refresh refreshtoken
HS256 hs256 HS512 none null undefined empty blank space 1234 12345 1111 0000 qwerty123 qwertyuiop zaq12wsx
letmein123 welcome1 welcome123 admin1 administrator guest user username login master123 secret12345 secret1234
mysecretpassword mypassword my-password my_password secretpass secret-pass secret_pass jwtpassword jwt-password
qwerty1 qwerty12 1qaz2wsx 1q2w3e 1q2w3e4r5t 123qwe 123abc abc12345 password12 password1234 passw0rd1 p4ssw0rd pa55word
admin1234 adminadmin administrator1 root123 rootroot toor123 test1234 testtest tester demo123 demodemo sample123
springsecret spring-secret spring_secret nodesecret node-secret expresssecret express-secret flasksecret flask-secret
djangosecret django-secret django-insecure railssecret rails-secret laravelsecret nestsecret nest-secret
mykey123 key-secret keysecret secret-token secret_token secrettoken tokenkey token-key token_key accesssecret
access-secret access_secret refreshsecret refresh-secret refresh_secret jwt-refresh-secret jwt_refresh_secret
jwt-access-secret jwt_access_secret JWT_ACCESS_SECRET JWT_REFRESH_SECRET ACCESS_TOKEN_SECRET REFRESH_TOKEN_SECRET
TOKEN_SECRET AUTH_SECRET APP_SECRET SESSION_SECRET NEXTAUTH_SECRET nextauth-secret secret_key_base`;

export const COMMON_SECRETS: readonly string[] = Array.from(
  new Set([...BASE.split(/\s+/).filter(Boolean), 'keyboard cat', 'shhhhhhared-secret', ' ']),
);
