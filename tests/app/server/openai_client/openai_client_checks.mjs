// openai_client_checks.mjs: drives a running `lectern serve` with the official `openai` npm package (models, plain and
// streamed completions, JSON schema, thinking on/off, a cancelled stream, pictures, tools, the SDK's error classes).
// Usage: node openai_client_checks.mjs text|vision|nofiles BASE_URL API_KEY MODEL_ID
//   BASE_URL is "http://127.0.0.1:PORT" (no /v1); API_KEY may be "" for a server without a key.
// Prints one "ok"/"FAIL" line per check and exits 1 when any check failed. Runs from a folder whose node_modules holds
// openai (the driver copies it there), so the bare import below resolves to the package installed from the registry.
import OpenAI from 'openai';

const [mode, baseUrl, apiKey, modelId] = process.argv.slice(2);
if (!['text', 'vision', 'nofiles'].includes(mode) || !baseUrl || apiKey === undefined || !modelId) {
  console.error('usage: node openai_client_checks.mjs text|vision|nofiles BASE_URL API_KEY MODEL_ID');
  process.exit(2);
}

const failures = [];
function check(condition, what, got) {
  if (condition) {
    console.log(`ok    ${what}`);
  } else {
    const line = `FAIL  ${what}${got === undefined ? '' : ` (got: ${describe(got)})`}`;
    console.log(line);
    failures.push(line);
  }
  return condition;
}
function describe(value) {
  if (value instanceof Error)
    return `${value.constructor.name} status=${value.status} message=${JSON.stringify(value.message)}`;
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value, null, 0);
  return text === undefined ? String(value) : text.length > 400 ? `${text.slice(0, 400)}...` : text;
}
// Runs one group of checks; an exception thrown inside is a failure of that group, the others still run.
async function step(name, body) {
  try {
    await body();
  } catch (error) {
    check(false, `${name}: no unexpected exception`, error);
  }
}

// maxRetries 0: a 429/5xx must show as the failure it is, not be retried into a pass.
// fetch: Node's own (undici), as openai@5 and later use by default. openai@4's default in Node is node-fetch@2, which
// on Debian 12's nodejs 18.20.4+dfsg-1~deb12u3 fails streamed responses on kept-alive connections with "Premature
// close", against any server (a plain Node http server too); that package backports the CVE-2026-48931 http.Agent
// fix, and the same node-fetch failure after that fix is nodejs/node#63989 / #64098.
function makeClient(key) {
  return new OpenAI({ baseURL: `${baseUrl}/v1`, apiKey: key, maxRetries: 0, timeout: 120_000, fetch: globalThis.fetch });
}
const client = makeClient(apiKey || 'unused');

async function health() {
  const response = await fetch(`${baseUrl}/health`);  // never needs the key
  if (response.status !== 200)
    throw new Error(`GET /health answered ${response.status}: ${await response.text()}`);
  return response.json();
}

function usageConsistent(usage) {
  return usage && Number.isInteger(usage.prompt_tokens) && usage.prompt_tokens > 0 &&
    Number.isInteger(usage.completion_tokens) && usage.completion_tokens >= 0 &&
    usage.total_tokens === usage.prompt_tokens + usage.completion_tokens;
}

// Collects a streamed completion: every chunk's content and reasoning joined, the finish reason and the usage chunk.
async function collect(stream) {
  const result = { chunks: 0, content: '', reasoning: '', finish: null, usage: null, ids: new Set(), objects: new Set() };
  for await (const chunk of stream) {
    result.chunks += 1;
    result.ids.add(chunk.id);
    result.objects.add(chunk.object);
    if (chunk.usage) result.usage = chunk.usage;
    for (const choice of chunk.choices ?? []) {
      result.content += choice.delta?.content ?? '';
      result.reasoning += choice.delta?.reasoning_content ?? '';
      if (choice.finish_reason) result.finish = choice.finish_reason;
    }
  }
  return result;
}

// An RGB PNG of width x height (a colour gradient), encoded here so the test needs no image tool.
async function pngDataUrl(width, height) {
  const { deflateSync } = await import('node:zlib');
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (bytes) => {
    let c = 0xffffffff;
    for (const b of bytes) c = table[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;  // bit depth
  header[9] = 2;  // RGB
  const rows = Buffer.alloc(height * (1 + 3 * width));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + 3 * width);  // filter byte 0, then pixels
    for (let x = 0; x < width; x++) {
      rows[row + 1 + 3 * x] = (x * 255) / (width - 1);
      rows[row + 2 + 3 * x] = (y * 255) / (height - 1);
      rows[row + 3 + 3 * x] = 128;
    }
  }
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

// The same question for every deterministic comparison: temperature 0 and a fixed seed.
const hello = {
  model: modelId,
  messages: [
    { role: 'system', content: 'You answer in one short sentence.' },
    { role: 'user', content: 'Say hello to the reader.' },
  ],
  temperature: 0,
  seed: 7,
  max_tokens: 40,
  // Not in the SDK's types: the JS SDK sends unknown body fields as they are (Python's extra_body).
  chat_template_kwargs: { enable_thinking: false },
};

// withPicture: false, true (a data URL) or a URL / path string.
async function pictureRequest(withPicture) {
  const content = [{ type: 'text', text: 'What is in this picture?' }];
  if (withPicture) {
    const url = typeof withPicture === 'string' ? withPicture : await pngDataUrl(64, 48);
    content.push({ type: 'image_url', image_url: { url } });
  }
  return { ...hello, max_tokens: 8, messages: [{ role: 'user', content }] };
}

async function textChecks() {
  let plain = null;  // the non-streaming answer to `hello`

  await step('models.list', async () => {
    const page = await client.models.list();
    const ids = page.data.map((m) => m.id);
    check(ids.includes(modelId), `models.list lists the loaded model ${JSON.stringify(modelId)}`, ids);
    check(page.data.every((m) => m.object === 'model'), 'models.list entries have object "model"', page.data);
  });

  await step('non-streaming', async () => {
    const before = await health();
    plain = await client.chat.completions.create(hello);
    const choice = plain.choices?.[0];
    check(plain.object === 'chat.completion', 'non-streaming: object is "chat.completion"', plain.object);
    check(typeof plain.id === 'string' && plain.id.startsWith('chatcmpl-'), 'non-streaming: id "chatcmpl-..."', plain.id);
    check(plain.choices?.length === 1 && choice.index === 0, 'non-streaming: exactly one choice, index 0', plain.choices);
    check(choice?.message?.role === 'assistant', 'non-streaming: message role is assistant', choice?.message);
    check(typeof choice?.message?.content === 'string', 'non-streaming: content is a string', choice?.message?.content);
    check(['stop', 'length'].includes(choice?.finish_reason), 'non-streaming: finish_reason stop or length',
      choice?.finish_reason);
    check(usageConsistent(plain.usage) && plain.usage.completion_tokens > 0,
      'non-streaming: usage prompt + completion = total, tokens generated', plain.usage);
    if (choice?.finish_reason === 'length')
      check(plain.usage?.completion_tokens === hello.max_tokens, 'non-streaming: length finish after max_tokens',
        plain.usage);
    check(!choice?.message?.reasoning_content, 'non-streaming, thinking off: no reasoning_content', choice?.message);
    const after = await health();
    check(after.served === before.served + 1 && after.busy === false,
      '/health: served counts the finished completion, busy false afterwards', { before, after });

    const again = await client.chat.completions.create(hello);
    check(again.choices?.[0]?.message?.content === choice?.message?.content,
      'non-streaming: the same request (temperature 0, seed) gives the same answer',
      { first: choice?.message?.content, second: again.choices?.[0]?.message?.content });
    check(again.id !== plain.id, 'non-streaming: every completion gets its own id', again.id);
  });

  await step('streaming', async () => {
    const stream = await client.chat.completions.create({ ...hello, stream: true,
      stream_options: { include_usage: true } });
    const got = await collect(stream);
    check(got.chunks >= 3, 'streaming: several chunks arrive', got.chunks);
    check(got.objects.size === 1 && got.objects.has('chat.completion.chunk'),
      'streaming: every chunk has object "chat.completion.chunk"', [...got.objects]);
    check(got.ids.size === 1, 'streaming: every chunk carries the same id', [...got.ids]);
    if (plain) {
      const want = plain.choices[0].message.content;
      check(got.content === want, 'streaming: the joined content equals the non-streaming answer',
        { streamed: got.content, plain: want });
      check(got.finish === plain.choices[0].finish_reason, 'streaming: same finish_reason as non-streaming',
        { streamed: got.finish, plain: plain.choices[0].finish_reason });
      check(got.usage?.prompt_tokens === plain.usage.prompt_tokens &&
        got.usage?.completion_tokens === plain.usage.completion_tokens,
        'streaming: include_usage chunk has the non-streaming usage', { streamed: got.usage, plain: plain.usage });
    }
    const noUsage = await collect(await client.chat.completions.create({ ...hello, stream: true }));
    check(noUsage.usage === null, 'streaming without stream_options: no usage chunk', noUsage.usage);
  });

  await step('json_schema', async () => {
    const schema = {
      type: 'object',
      properties: {
        name: { type: 'string', maxLength: 24 },
        age: { type: 'integer' },
        colour: { type: 'string', enum: ['red', 'green', 'blue'] },
      },
      required: ['name', 'age', 'colour'],
      additionalProperties: false,
    };
    const answer = await client.chat.completions.create({
      ...hello,
      max_tokens: 200,
      messages: [{ role: 'user', content: 'Describe a person as JSON.' }],
      response_format: { type: 'json_schema', json_schema: { name: 'person', strict: true, schema } },
    });
    const content = answer.choices?.[0]?.message?.content;
    let value;
    try {
      value = JSON.parse(content);
    } catch {
      value = undefined;
    }
    if (check(value !== undefined, 'json_schema: the content parses as JSON', content)) {
      check(value !== null && typeof value === 'object' && !Array.isArray(value), 'json_schema: an object', value);
      check(typeof value.name === 'string' && [...value.name].length <= 24, 'json_schema: name a string of <= 24',
        value.name);
      check(typeof value.age === 'number' && Number.isInteger(value.age), 'json_schema: age an integer', value.age);
      check(schema.properties.colour.enum.includes(value.colour), 'json_schema: colour one of the enum', value.colour);
      check(Object.keys(value).sort().join() === 'age,colour,name', 'json_schema: exactly the three properties',
        Object.keys(value));
    }
    check(answer.choices?.[0]?.finish_reason === 'stop', 'json_schema: the value closes (finish_reason stop)',
      answer.choices?.[0]?.finish_reason);

    try {
      await client.chat.completions.create({ ...hello, response_format: { type: 'json_schema',
        json_schema: { name: 'bad', schema: { type: 'object', properties: { n: { type: 'integer', minimum: 3 } } } } } });
      check(false, 'json_schema with an unsupported keyword (minimum): 400');
    } catch (error) {
      check(error instanceof OpenAI.BadRequestError && typeof error.error?.message === 'string',
        'json_schema with an unsupported keyword (minimum): BadRequestError (400) with a message', error);
    }
  });

  await step('thinking', async () => {
    const base = { ...hello, max_tokens: 12 };
    const off = await client.chat.completions.create({ ...base, chat_template_kwargs: { enable_thinking: false } });
    const on = await client.chat.completions.create({ ...base, chat_template_kwargs: { enable_thinking: true } });
    const offMessage = off.choices?.[0]?.message;
    const onMessage = on.choices?.[0]?.message;
    check(offMessage && !offMessage.reasoning_content, 'thinking off: no (or empty) reasoning_content', offMessage);
    check(typeof onMessage?.reasoning_content === 'string' && onMessage.reasoning_content.length > 0,
      'thinking on: reasoning_content is a non-empty string', onMessage);
    check(on.usage?.prompt_tokens < off.usage?.prompt_tokens,
      'thinking on: fewer prompt tokens than off (the prompt opens <think> instead of an empty closed block)',
      { on: on.usage, off: off.usage });
    check(on.usage?.completion_tokens_details?.reasoning_tokens > 0,
      'thinking on: usage.completion_tokens_details.reasoning_tokens > 0', on.usage);

    const topLevel = await client.chat.completions.create({ ...base, chat_template_kwargs: undefined,
      enable_thinking: true });
    check(topLevel.usage?.prompt_tokens === on.usage?.prompt_tokens &&
      topLevel.choices?.[0]?.message?.reasoning_content === onMessage?.reasoning_content,
      'thinking: top-level enable_thinking true acts like chat_template_kwargs', { topLevel: topLevel.usage,
        kwargs: on.usage });

    const streamed = await collect(await client.chat.completions.create({ ...base,
      chat_template_kwargs: { enable_thinking: true }, stream: true }));
    check(streamed.reasoning === onMessage?.reasoning_content && streamed.content === (onMessage?.content ?? ''),
      'thinking on, streaming: reasoning_content deltas join to the non-streaming reasoning',
      { streamed: streamed.reasoning, plain: onMessage?.reasoning_content });
  });

  await step('cancelled stream', async () => {
    const before = await health();
    const controller = new AbortController();
    const stream = await client.chat.completions.create({ ...hello, max_tokens: 3000, stream: true },
      { signal: controller.signal });
    let seen = 0;
    let aborted = false;
    try {
      for await (const chunk of stream) {
        seen += 1;
        const delta = chunk.choices?.[0]?.delta;
        if (delta?.content || delta?.reasoning_content) {
          controller.abort();
          aborted = true;
        }
      }
    } catch (error) {
      if (!(error instanceof OpenAI.APIUserAbortError) && error?.name !== 'AbortError') throw error;
    }
    check(aborted && seen >= 1, 'cancelled stream: text chunks arrived before the abort', { seen, aborted });
    let after = before;
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      after = await health();
      if (after.cancelled === before.cancelled + 1 && after.busy === false) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    check(after.cancelled === before.cancelled + 1 && after.busy === false && after.running === 0 &&
      after.queued === 0, 'cancelled stream: within 5 s /health counts it cancelled and is idle', { before, after });
    const next = await client.chat.completions.create(hello);
    check(next.choices?.[0]?.finish_reason !== undefined && usageConsistent(next.usage),
      'cancelled stream: the next request succeeds', next);
    if (plain)
      check(next.choices?.[0]?.message?.content === plain.choices[0].message.content,
        'cancelled stream: the next answer is the same as before the cancel', next.choices?.[0]?.message?.content);
  });

  await step('picture to a text-only model', async () => {
    try {
      await client.chat.completions.create(await pictureRequest(true));
      check(false, 'picture (data URL) to a text-only model: 400');
    } catch (error) {
      check(error instanceof OpenAI.BadRequestError && error.status === 400 &&
        typeof error.error?.message === 'string' && error.error.message.length > 0,
        'picture (data URL) to a text-only model: BadRequestError (400) with a JSON error message', error);
    }
  });

  await step('tools', async () => {
    const tools = [{
      type: 'function',
      function: {
        name: 'get_weather',
        description: 'The current weather in a city.',
        parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
      },
    }];
    const messages = [
      { role: 'user', content: 'What is the weather in Paris?' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function',
        function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: '{"temperature_c": 18, "sky": "clear"}' },
    ];
    const withTools = await client.chat.completions.create({ ...hello, max_tokens: 16, messages, tools,
      tool_choice: 'auto' });
    check(['stop', 'length', 'tool_calls'].includes(withTools.choices?.[0]?.finish_reason) &&
      usageConsistent(withTools.usage), 'tools: definitions and a tool-call history are accepted (200)', withTools);
    const withoutTools = await client.chat.completions.create({ ...hello, max_tokens: 1, messages });
    check(withTools.usage?.prompt_tokens > withoutTools.usage?.prompt_tokens,
      'tools: the definitions reach the prompt (more prompt tokens than without them)',
      { withTools: withTools.usage, withoutTools: withoutTools.usage });
  });

  await step('refused parameters', async () => {
    // json_object: constrained decoding writes only the properties a schema names, so it is refused (use json_schema).
    const refused = [['n = 2', { n: 2 }], ['stop', { stop: ['\n'] }], ['logprobs', { logprobs: true }],
      ['response_format json_object', { response_format: { type: 'json_object' } }],
      ['tool_choice naming a function', { tools: [{ type: 'function', function: { name: 'f', parameters: {} } }],
        tool_choice: { type: 'function', function: { name: 'f' } } }]];
    for (const [what, extra] of refused) {
      try {
        await client.chat.completions.create({ ...hello, ...extra });
        check(false, `${what}: refused with 400 rather than ignored`);
      } catch (error) {
        check(error instanceof OpenAI.BadRequestError && typeof error.error?.message === 'string',
          `${what}: refused with BadRequestError (400)`, error);
      }
    }
  });

  await step('SDK errors', async () => {
    const wrongKey = makeClient(`wrong-${apiKey}`);
    try {
      await wrongKey.chat.completions.create(hello);
      check(false, 'wrong API key: AuthenticationError (401)');
    } catch (error) {
      check(error instanceof OpenAI.AuthenticationError && error.status === 401,
        'wrong API key: AuthenticationError (401)', error);
    }
    try {
      await wrongKey.models.list();
      check(false, 'wrong API key, models.list: AuthenticationError (401)');
    } catch (error) {
      check(error instanceof OpenAI.AuthenticationError, 'wrong API key, models.list: AuthenticationError (401)',
        error);
    }
    try {
      await client.chat.completions.create({ ...hello, model: 'no-such-model' });
      check(false, 'unknown model: NotFoundError (404)');
    } catch (error) {
      check(error instanceof OpenAI.NotFoundError && error.status === 404 && typeof error.error?.message === 'string',
        'unknown model: NotFoundError (404)', error);
    }
  });

  await step('final health', async () => {
    const last = await health();
    check(last.status === 'ok' && last.model === modelId && last.busy === false,
      '/health at the end: status ok, the model, not busy', last);
  });
}

async function visionChecks() {
  await step('picture to a vision model', async () => {
    const withPicture = await client.chat.completions.create(await pictureRequest(true));
    check(usageConsistent(withPicture.usage) && withPicture.choices?.[0]?.finish_reason !== undefined,
      'picture (data URL) to a vision model: answered (200)', withPicture);
    const without = await client.chat.completions.create(await pictureRequest(false));
    check(withPicture.usage?.prompt_tokens > without.usage?.prompt_tokens,
      'picture to a vision model: the picture adds prompt tokens', { withPicture: withPicture.usage,
        without: without.usage });
    const streamed = await collect(await client.chat.completions.create({ ...(await pictureRequest(true)),
      stream: true }));
    check(streamed.content === withPicture.choices?.[0]?.message?.content,
      'picture to a vision model, streaming: same answer as non-streaming',
      { streamed: streamed.content, plain: withPicture.choices?.[0]?.message?.content });

    // The same picture as a local file (allowed without --no-file-paths): the same answer.
    const { writeFileSync } = await import('node:fs');
    const { pathToFileURL } = await import('node:url');
    const path = `${process.cwd()}/picture.png`;
    writeFileSync(path, Buffer.from((await pngDataUrl(64, 48)).split(',')[1], 'base64'));
    for (const [what, url] of [['an absolute path', path], ['a file:// URL', pathToFileURL(path).href]]) {
      const fromFile = await client.chat.completions.create(await pictureRequest(url));
      check(fromFile.choices?.[0]?.message?.content === withPicture.choices?.[0]?.message?.content &&
        fromFile.usage?.prompt_tokens === withPicture.usage?.prompt_tokens,
        `picture as ${what}: the same answer as the data URL`, { file: fromFile.choices?.[0]?.message,
          dataUrl: withPicture.choices?.[0]?.message });
    }
    for (const [what, url] of [['a remote URL', 'https://example.com/picture.png'],
      ['a missing file', `${process.cwd()}/no-such-picture.png`], ['a broken data URL', 'data:image/png;base64,AAAA']]) {
      try {
        await client.chat.completions.create(await pictureRequest(url));
        check(false, `picture as ${what}: BadRequestError (400)`);
      } catch (error) {
        check(error instanceof OpenAI.BadRequestError && typeof error.error?.message === 'string',
          `picture as ${what}: BadRequestError (400) with a message`, error);
      }
    }
  });
}

// A vision server started with --no-file-paths and its key from LECTERN_API_KEY.
async function noFilesChecks() {
  await step('--no-file-paths and LECTERN_API_KEY', async () => {
    const answer = await client.chat.completions.create(await pictureRequest(true));
    check(usageConsistent(answer.usage), 'key from LECTERN_API_KEY accepted; a data URL still works', answer);
    const { writeFileSync } = await import('node:fs');
    const path = `${process.cwd()}/picture.png`;
    writeFileSync(path, Buffer.from((await pngDataUrl(64, 48)).split(',')[1], 'base64'));
    try {
      await client.chat.completions.create(await pictureRequest(path));
      check(false, '--no-file-paths: a picture as a local path is refused with 400');
    } catch (error) {
      check(error instanceof OpenAI.BadRequestError && typeof error.error?.message === 'string',
        '--no-file-paths: a picture as a local path is refused with BadRequestError (400)', error);
    }
    const keyless = makeClient('not-the-key');
    try {
      await keyless.models.list();
      check(false, 'LECTERN_API_KEY: a wrong key gets AuthenticationError (401)');
    } catch (error) {
      check(error instanceof OpenAI.AuthenticationError, 'LECTERN_API_KEY: a wrong key gets AuthenticationError (401)',
        error);
    }
  });
}

await ({ text: textChecks, vision: visionChecks, nofiles: noFilesChecks })[mode]();
if (failures.length > 0) {
  console.log(`openai client checks (${mode}): ${failures.length} failed`);
  process.exit(1);
}
console.log(`openai client checks (${mode}): all passed`);
