// Credentials as they turn up in job logs, commit messages and error pages: one line per kind,
// the secret the line must lose and the words around it that must stay. Values are assembled
// here rather than written out, so no scanner mistakes this file for a leak.

const rep = (s, n) => s.repeat(n).slice(0, n)
const alnum = (n, seed = 'aB3dE5gH7jK9mN1pQ2rS4tU6vW8xY0z') => rep(seed, n)
const hex = (n) => rep('0f3a9c7e1b5d2468', n)
const b64 = (s) => Buffer.from(s).toString('base64')
const jwtPart = (o) => Buffer.from(JSON.stringify(o)).toString('base64url')

/** A PEM block as a log prints it, one line per row. */
function pem(label) {
  return [`-----BEGIN ${label}-----`, alnum(64), alnum(64, 'Zy9Xw8Vu7Ts6Rq5Po4'), `${alnum(20)}==`, `-----END ${label}-----`].join('\n')
}

/**
 * Each entry: `kind`, the `line` as written, the `secret` that must be gone from everything the
 * action writes, and `keep`, text of the same line that must still be there.
 */
export const SECRET_CORPUS = [
  { kind: 'GitHub classic PAT', secret: `ghp_${alnum(36)}`, line: (s) => `Error: git push failed with ${s}`, keep: 'Error: git push failed with' },
  { kind: 'GitHub OAuth token', secret: `gho_${alnum(36)}`, line: (s) => `oauth=${s}`, keep: 'oauth=' },
  { kind: 'GitHub user-to-server token', secret: `ghu_${alnum(36)}`, line: (s) => `using ${s} for the app`, keep: 'for the app' },
  { kind: 'GitHub installation token', secret: `ghs_${alnum(36)}`, line: (s) => `GITHUB_TOKEN: ${s}`, keep: 'GITHUB_TOKEN:' },
  { kind: 'GitHub refresh token', secret: `ghr_${alnum(76)}`, line: (s) => `refresh ${s} expired`, keep: 'expired' },
  {
    kind: 'GitHub fine-grained PAT',
    secret: `github_pat_11${alnum(20)}_${alnum(59)}`,
    line: (s) => `Error: bad credentials ${s}`,
    keep: 'Error: bad credentials'
  },
  { kind: 'AWS access key id', secret: `AKIA${rep('ZQ7XK2M4P9R3T6V8', 16)}`, line: (s) => `aws_access_key_id = ${s}`, keep: 'aws_access_key_id =' },
  { kind: 'AWS temporary key id', secret: `ASIA${rep('Y34FZKBOKMUTVV7A', 16)}`, line: (s) => `assumed role key ${s}`, keep: 'assumed role key' },
  {
    kind: 'AWS secret access key',
    secret: `${alnum(30)}/${alnum(9, 'Kq8Lm2Np')}`,
    line: (s) => `aws_secret_access_key = ${s}`,
    keep: 'aws_secret_access_key ='
  },
  {
    kind: 'AWS secret in JSON',
    secret: `${alnum(28, 'Tr5Yu7Io9Pa1Sd3Fg')}+${alnum(11)}`,
    line: (s) => `{"SecretAccessKey": "${s}", "Expiration": "soon"}`,
    keep: '"Expiration": "soon"'
  },
  {
    kind: 'GCP service-account private_key',
    secret: alnum(64, 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC'),
    line: (s) =>
      `{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\n${s}\\n-----END PRIVATE KEY-----\\n", "client_email": "ci@proj.iam.gserviceaccount.com"}`,
    keep: '"client_email"'
  },
  { kind: 'GCP private_key_id', secret: hex(40), line: (s) => `"private_key_id": "${s}",`, keep: '"private_key_id":' },
  {
    kind: 'Azure storage AccountKey',
    secret: `${alnum(60)}==`,
    line: (s) => `DefaultEndpointsProtocol=https;AccountName=prod;AccountKey=${s};EndpointSuffix=core.windows.net`,
    keep: 'AccountName=prod'
  },
  {
    kind: 'Azure SAS signature',
    secret: `${alnum(30)}%3D`,
    line: (s) => `GET https://prod.blob.core.windows.net/c/b?sv=2024-01-01&sig=${s}&se=2030 403`,
    keep: 'sv=2024-01-01'
  },
  {
    kind: 'Slack bot token',
    secret: `xoxb-${rep('1234567890', 12)}-${rep('1234567890', 13)}-${alnum(24)}`,
    line: (s) => `slack token ${s}`,
    keep: 'slack token'
  },
  { kind: 'Slack user token', secret: `xoxp-${rep('9876543210', 12)}-${alnum(24)}`, line: (s) => `SLACK=${s}`, keep: 'SLACK=' },
  { kind: 'Slack app token', secret: `xapp-1-A${rep('0123456789', 10)}-${rep('1234', 13)}-${hex(64)}`, line: (s) => `socket mode ${s}`, keep: 'socket mode' },
  {
    kind: 'Slack webhook URL',
    secret: `T${alnum(8, 'ABCD1234')}/B${alnum(10, 'EFGH5678')}/${alnum(24)}`,
    line: (s) => `posting to https://hooks.slack.com/services/${s} failed`,
    keep: 'failed'
  },
  { kind: 'Stripe live secret key', secret: `sk_live_${alnum(24)}`, line: (s) => `stripe.api_key=${s}`, keep: 'stripe.api_key=' },
  { kind: 'Stripe restricted key', secret: `rk_live_${alnum(24)}`, line: (s) => `restricted ${s}`, keep: 'restricted' },
  { kind: 'Stripe webhook secret', secret: `whsec_${alnum(32)}`, line: (s) => `endpoint secret ${s}`, keep: 'endpoint secret' },
  { kind: 'npm token', secret: `npm_${alnum(36)}`, line: (s) => `//registry/:_authToken=${s}`, keep: ':_authToken=' },
  { kind: 'PyPI token', secret: `pypi-AgEIcHlwaS5vcmc${alnum(60)}`, line: (s) => `twine upload -p ${s}`, keep: 'twine upload -p' },
  { kind: 'SendGrid key', secret: `SG.${alnum(22)}.${alnum(43)}`, line: (s) => `SENDGRID ${s}`, keep: 'SENDGRID' },
  { kind: 'Google API key', secret: `AIza${alnum(35)}`, line: (s) => `maps key=${s}&q=x`, keep: '&q=x' },
  { kind: 'Google OAuth access token', secret: `ya29.${alnum(60)}`, line: (s) => `Error: 401 with ${s}`, keep: 'Error: 401 with' },
  { kind: 'Google OAuth client secret', secret: `GOCSPX-${alnum(28)}`, line: (s) => `client_secret: ${s}`, keep: 'client_secret:' },
  { kind: 'Twilio API key', secret: `SK${hex(32)}`, line: (s) => `twilio key ${s}`, keep: 'twilio key' },
  { kind: 'Datadog API key', secret: hex(32), line: (s) => `DD_API_KEY=${s}`, keep: 'DD_API_KEY=' },
  { kind: 'Datadog application key header', secret: hex(40), line: (s) => `DD-APPLICATION-KEY: ${s}`, keep: 'DD-APPLICATION-KEY:' },
  {
    kind: 'JWT',
    secret: `${jwtPart({ alg: 'HS256', typ: 'JWT' })}.${jwtPart({ sub: 'ci', iat: 1 })}.${alnum(43)}`,
    line: (s) => `id_token ${s}`,
    keep: 'id_token'
  },
  {
    kind: 'Authorization bearer header',
    secret: alnum(40, 'Zx9Cv8Bn7Mq6Wl5Ek4Rj3Th2Yg1'),
    line: (s) => `> Authorization: Bearer ${s}`,
    keep: '> Authorization: Bearer'
  },
  {
    kind: 'Authorization basic header',
    secret: b64('deployer:correct-horse-battery'),
    line: (s) => `curl -H "Authorization: Basic ${s}" https://api.example.com`,
    keep: 'https://api.example.com'
  },
  {
    kind: 'password in an https URL',
    secret: 'Pa55-w0rd-in-url',
    line: (s) => `Error: fetch https://ci:${s}@artifacts.example.com/x failed`,
    keep: '@artifacts.example.com/x failed'
  },
  {
    kind: 'postgres connection URL',
    secret: 'pg-s3cret-77',
    line: (s) => `Error: connect postgres://app:${s}@db.internal:5432/shop refused`,
    keep: '@db.internal:5432/shop refused'
  },
  {
    kind: 'MongoDB SRV URL',
    secret: 'mongo-pw-5150',
    line: (s) => `MONGO_URL=mongodb+srv://svc:${s}@cluster0.example.net/db`,
    keep: '@cluster0.example.net/db'
  },
  {
    kind: 'ADO.NET connection string',
    secret: 'Sql-Pa55word!',
    line: (s) => `Server=tcp:db;Database=shop;User ID=app;Password=${s};Encrypt=true`,
    keep: 'Encrypt=true'
  },
  { kind: 'password assignment', secret: 'hunter2-but-longer', line: (s) => `export DB_PASSWORD=${s}`, keep: 'export DB_PASSWORD=' },
  { kind: 'password in JSON', secret: 'json-pw-314159', line: (s) => `{"user": "app", "password": "${s}"}`, keep: '"user": "app"' },
  { kind: 'secret in YAML', secret: 'yaml-secret-2718', line: (s) => `  client_secret: ${s}`, keep: 'client_secret:' },
  { kind: 'cookie header', secret: `s%3A${alnum(32)}`, line: (s) => `Cookie: connect.sid=${s}; theme=dark`, keep: 'Cookie:' },
  { kind: 'API key header', secret: alnum(32, 'Qw1Er2Ty3Ui4Op5'), line: (s) => `X-Api-Key: ${s}`, keep: 'X-Api-Key:' },
  { kind: 'GitLab token', secret: `glpat-${alnum(20)}`, line: (s) => `gitlab ${s}`, keep: 'gitlab' },
  { kind: 'HashiCorp Vault token', secret: `hvs.${alnum(90)}`, line: (s) => `VAULT_TOKEN=${s}`, keep: 'VAULT_TOKEN=' },
  { kind: 'OpenAI key', secret: `sk-proj-${alnum(48)}`, line: (s) => `openai ${s}`, keep: 'openai' },
  { kind: 'Hugging Face token', secret: `hf_${alnum(34)}`, line: (s) => `HF ${s}`, keep: 'HF' },
  { kind: 'DigitalOcean token', secret: `dop_v1_${hex(64)}`, line: (s) => `doctl ${s}`, keep: 'doctl' },
  { kind: 'Discord webhook', secret: `${rep('1234567890', 18)}/${alnum(68)}`, line: (s) => `POST https://discord.com/api/webhooks/${s} 404`, keep: ' 404' },
  {
    kind: 'RSA private key block',
    secret: alnum(64),
    line: () => `Error: loading the deploy key\n${pem('RSA PRIVATE KEY')}`,
    keep: 'Error: loading the deploy key'
  },
  {
    kind: 'OpenSSH private key block',
    secret: alnum(64, 'Zy9Xw8Vu7Ts6Rq5Po4'),
    line: () => `ssh key for the deploy host:\n${pem('OPENSSH PRIVATE KEY')}`,
    keep: 'ssh key for the deploy host:'
  },
  { kind: 'EC private key block', secret: `${alnum(20)}==`, line: () => `signing key\n${pem('EC PRIVATE KEY')}\nsigned`, keep: 'signing key' }
].map((e) => ({ ...e, line: e.line(e.secret) }))
