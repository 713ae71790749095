// Credentials recognisable by their own prefix or format, wherever they stand (issue 8 item 4).
// One alternation, compiled once: a 200 MB job log passes through it once, not once per kind.
// Each source starts at a word boundary, given by the combined pattern.

const TOKENS: readonly string[] = [
  // GitHub: classic PAT, OAuth, user-to-server, installation, refresh; fine-grained PAT
  'gh[pousr]_[A-Za-z0-9]{20,255}',
  'github_pat_[A-Za-z0-9_]{20,255}',
  // AWS access key ids (long-term and temporary)
  '(?:AKIA|ASIA)[A-Z0-9]{16}',
  // JWTs (and JWS), three base64url parts
  'eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}',
  // Slack: bot, user, app-level, refresh and config tokens
  'xox[abposre]-[A-Za-z0-9-]{10,}',
  'xapp-\\d-[A-Za-z0-9-]{20,}',
  // Stripe secret and restricted keys, webhook signing secrets
  '[sr]k_(?:live|test)_[A-Za-z0-9]{16,}',
  'whsec_[A-Za-z0-9+/=]{24,}',
  // npm, PyPI
  'npm_[A-Za-z0-9]{36}',
  'pypi-AgE[A-Za-z0-9_-]{50,}',
  // Google: API keys, OAuth access tokens, OAuth client secrets
  'AIza[0-9A-Za-z_-]{35}',
  'ya29\\.[0-9A-Za-z_-]{20,}',
  'GOCSPX-[0-9A-Za-z_-]{20,}',
  // SendGrid, Twilio API keys, Mailgun, Mailchimp
  'SG\\.[\\w-]{22}\\.[\\w-]{43}',
  'SK[0-9a-fA-F]{32}',
  'key-[0-9a-z]{32}',
  '[0-9a-f]{32}-us[0-9]{1,2}',
  // GitLab, HashiCorp Vault, Doppler, Linear, DigitalOcean, Shopify, Square
  'glpat-[\\w-]{20,}',
  'hv[sbr]\\.[\\w-]{24,}',
  'dp\\.(?:pt|st|sa|ct)\\.[A-Za-z0-9]{40,}',
  'lin_api_[A-Za-z0-9]{40}',
  'do[opr]_v1_[a-f0-9]{64}',
  'shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}',
  'sq0(?:atp|csp)-[\\w-]{22,}',
  // OpenAI and Anthropic keys, Hugging Face tokens, age secret keys
  'sk-(?:proj-|ant-(?:api\\d\\d-)?|svcacct-|admin-)?[A-Za-z0-9_-]{32,}',
  'hf_[A-Za-z0-9]{30,}',
  'AGE-SECRET-KEY-1[0-9A-Z]{50,}'
]

/** Every token shape as one global pattern. */
export const TOKEN_PATTERN = new RegExp(`\\b(?:${TOKENS.join('|')})(?![\\w-])`, 'g')

/** Incoming-webhook URLs are bearer credentials in their path: the path goes, the host stays. */
export const WEBHOOK_PATH =
  /\b((?:hooks\.slack\.com\/(?:services|workflows|triggers)|discord(?:app)?\.com\/api\/webhooks|[\w-]+\.webhook\.office\.com\/webhookb2|outlook\.office\.com\/webhook)\/)[^\s"'<>)]+/g
