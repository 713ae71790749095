import { parseConfig } from '../../src/settings/config-file.js'
import { UserError } from '../../src/values/user-error.js'

const PATH = '.github/deploy-guard.yml'

/** The UserError parseConfig rejects with. */
async function rejection(yaml: string): Promise<UserError> {
  const e = await parseConfig(PATH, yaml).then(
    () => undefined,
    (err: unknown) => err
  )
  if (!(e instanceof UserError)) throw new Error(`expected a UserError, got ${String(e)}`)
  return e
}

describe('parseConfig', () => {
  it.each(['', '# nothing configured yet\n', '---\n'])('an empty file %j is an empty config', async (yaml) => {
    await expect(parseConfig(PATH, yaml)).resolves.toEqual({})
  })

  it('returns a valid config as written', async () => {
    const yaml = [
      'environment: production',
      'verify:',
      '  duration: 10m',
      '  interval: 30s',
      '  failure-limit: 2',
      'checks:',
      '  - type: http',
      '    url: https://shop.example.com/healthz',
      '    expect: { status: [200, 3xx], max-latency: 800ms }',
      '  - type: prometheus',
      '    query: sum(rate(http_errors_total[5m]))',
      '    max: 0.05',
      '    baseline: { offset: 1h, max-increase: 0.5 }'
    ].join('\n')
    await expect(parseConfig(PATH, yaml)).resolves.toEqual({
      environment: 'production',
      verify: { duration: '10m', interval: '30s', 'failure-limit': 2 },
      checks: [
        { type: 'http', url: 'https://shop.example.com/healthz', expect: { status: [200, '3xx'], 'max-latency': '800ms' } },
        { type: 'prometheus', query: 'sum(rate(http_errors_total[5m]))', max: 0.05, baseline: { offset: '1h', 'max-increase': 0.5 } }
      ]
    })
  })

  it.each([
    ['verify: [\n', `config ${PATH}:2`],
    ['verify:\n  duration: 5m\n  duration: 10m\n', `config ${PATH}:3`],
    ['checks:\n  - type: http\n   url: x\n', `config ${PATH}:3`]
  ])('bad YAML %j names the file and line', async (yaml, where) => {
    const e = await rejection(yaml)
    expect(e.where).toBe(where)
    expect(e.message).toMatch(new RegExp(`^${where.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: got "invalid YAML"; expected valid YAML \\(.+\\)$`))
  })

  it.each([
    ['verify:\n  durration: 5m\n', 'verify.durration', '"durration"', 'no such key (see schema/deploy-guard.schema.json)'],
    ['chekcs: []\n', 'chekcs', '"chekcs"', 'no such key (see schema/deploy-guard.schema.json)'],
    [
      'checks:\n  - type: http\n    url: https://a/\n    expect: { statuss: [200] }\n',
      'checks[0].expect.statuss',
      '"statuss"',
      'no such key (see schema/deploy-guard.schema.json)'
    ],
    ['checks:\n  - type: http\n', 'checks[0].url', 'nothing', 'a value: this key is required'],
    ['verify:\n  duration: 5x\n', 'verify.duration', '"5x"', 'a duration such as 500ms, 30s, 2m or 1h30m'],
    ['verify:\n  interval: 1h 30m\n', 'verify.interval', '"1h 30m"', 'a duration such as 500ms, 30s, 2m or 1h30m'],
    ['checks:\n  - type: http\n    url: https://a/\n    timeout: 10 s\n', 'checks[0].timeout', '"10 s"', 'a duration such as 500ms, 30s, 2m or 1h30m'],
    [
      'checks:\n  - type: http\n    url: https://a/\n    expect: { max-latency: 1sec }\n',
      'checks[0].expect.max-latency',
      '"1sec"',
      'a duration such as 500ms, 30s, 2m or 1h30m'
    ],
    [
      'checks:\n  - { type: prometheus, query: up, max: 1, baseline: { offset: yesterday, max-increase: 1 } }\n',
      'checks[0].baseline.offset',
      '"yesterday"',
      'a duration such as 500ms, 30s, 2m or 1h30m'
    ],
    ['rollback:\n  strategy: revert\n', 'rollback.strategy', '"revert"', 'one of auto, none, workflow, repository-dispatch, deployment, webhook'],
    ['checks:\n  - type: graphite\n', 'checks[0].type', '"graphite"', 'one of http, prometheus, json, datadog'],
    [
      'checks:\n  - { type: datadog, query: q, api-key: k, app-key: k, max: 1, aggregation: median }\n',
      'checks[0].aggregation',
      '"median"',
      'one of last, avg, max, min, sum'
    ]
  ])('%j: %s', async (yaml, at, value, expected) => {
    const e = await rejection(yaml)
    expect(e.message).toBe(`config ${PATH}: ${at}: got ${value}; expected ${expected}`)
  })

  it.each([
    ['checks:\n  - { type: prometheus, query: up, max: 1 }\n  - { type: prometheus, query: up, max: high }\n', 'checks[1].max', '"high"', /number/],
    ['dry-run: yes\n', 'dry-run', '"yes"', /boolean/],
    ['verify:\n  failure-limit: 1.5\n', 'verify.failure-limit', '1.5', /integer/],
    ['verify:\n  concurrency: 0\n', 'verify.concurrency', '0', />= 1/],
    ['incident:\n  labels: incident, p1\n', 'incident.labels', '"incident, p1"', /array/],
    ['checks:\n  - { type: http, url: https://a/, headers: { X-Retries: 3 } }\n', 'checks[0].headers.X-Retries', '3', /string/]
  ])('wrong type %j names %s, the value and the expected type', async (yaml, at, value, expected) => {
    const e = await rejection(yaml)
    expect(e.message.startsWith(`config ${PATH}: ${at}: got ${value}; expected `)).toBe(true)
    expect(e.expected).toMatch(expected)
  })
})
