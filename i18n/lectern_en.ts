<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Lectern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask questions about your PDFs, images and videos with a Qwen3.5 model running on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for devices…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 — licence: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy these details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AboutInfo</name>
    <message>
        <source> — used by Lectern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — not usable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Vulkan device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute devices:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built with:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApiErrors</name>
    <message>
        <source>The HTTP request is malformed. Send a valid HTTP/1.1 request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no %1 here. This server answers GET /health, GET /v1/models and POST /v1/chat/completions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request body is larger than this server accepts (%1 MiB). Send smaller pictures or fewer messages, or raise the limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request failed with HTTP status %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API key is not the one this server was started with. Send the right key as &quot;Authorization: Bearer &lt;key&gt;&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server needs an API key. Send it as the header &quot;Authorization: Bearer &lt;key&gt;&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not take %2; use %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is busy with %1 requests (the most it queues). Retry once one has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model is loaded. Load a model in Lectern (or start `lectern serve` with --model) and send the request again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is stopping. Send the request again once it is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server failed on this request (%1). Other requests are not affected; please report this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was cancelled: the server is stopping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client closed the connection before the answer was ready; the completion was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppHeader</name>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Lectern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Lectern (F1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extract data from files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extract tables of data from files (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AskCommand</name>
    <message>
        <source>--seed takes a whole number from 0 to 18446744073709551615, not &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--model is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no question given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give the question as one argument (in quotes); &apos;%1&apos; is extra.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the question is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage:
  lectern ask --model MODEL [--mmproj FILE] [--think] [--attach FILE]... [--db PATH] [--conversation ID]
              [--device auto|cpu|vulkan] [--max-tokens N] [--seed N] [--greedy] [--context N]
              &quot;QUESTION&quot;

Asks one question without opening a window, through the same import, prompt, engine and storage
as the window, and saves the turn in the database.

Output: the answer streams to standard output. The model&apos;s reasoning (--think) streams to standard
error, as do warnings, the statistics and, last, the line &quot;conversation ID&quot;: pass that ID to
--conversation to ask a follow-up in the same conversation.

  --model MODEL        a .gguf file or a HuggingFace model folder
  --think              thinking mode: the model reasons before it answers
  --mmproj FILE        the vision projector GGUF (default: the model folder&apos;s own vision tower, or
                       mmproj-&lt;model name&gt;.gguf next to a GGUF model)
  --attach FILE        a file for the question (repeatable): the text of PDFs and text files; images,
                       scanned PDF pages and video frames when the model has a vision encoder
                       (without one they are stored with the turn and a warning says so)
  --db PATH            the database (default: %1)
  --conversation ID    continue this conversation (its history is sent again)
  --device DEVICE      auto (Vulkan when available), cpu or vulkan (default auto)
  --max-tokens N       stop after N generated tokens, reasoning included
  --seed N             sampling seed: the same question gives the same answer on the same device
  --greedy             always take the most likely token (deterministic without a seed)
  --context N          context length in tokens (default 8192)

Exit status: 0 when the answer is complete or hit --max-tokens, 1 on an error, 2 on a usage error.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the model %1 does not exist. Give a .gguf file or a model folder with --model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no conversation %1 in %2. Leave out --conversation to start a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot attach %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the vision projector %1 does not exist. Give an mmproj .gguf file with --mmproj.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conversation %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentChip</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, about %3 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading… %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to send %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentRepository</name>
    <message>
        <source>An attachment needs its original file path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachment&apos;s SHA-256 must be 64 lower-case hex digits, not &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An attachment needs a kind (pdf, image, ...).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache key &apos;%1&apos; must be relative to the cache folder and stay inside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot attach %1: conversation %2 or its message does not exist (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no attachment with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatArea</name>
    <message>
        <source>Ask about your documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop PDFs, images or videos here, or type a question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything stays on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss the error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Lectern: ask questions about your PDFs, images and videos, answered on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the program name and version, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDFs, images, videos or text files to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[FILE...]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try &apos;%1 --help&apos; for more information.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--screenshot only works together with --smoke-test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--screenshot needs a file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An empty file name was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without a window: lectern inspect|ask|extract|export|serve ... (serve: the local OpenAI-compatible API server); lectern MODE --help shows each mode&apos;s options.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandOptions</name>
    <message>
        <source>%1 needs a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a non-empty value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes a whole number from %2 to %3, not &apos;%4&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes no value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--device takes auto, cpu or vulkan, not &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown argument &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Type a question…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents, images and videos (*.pdf *.png *.jpg *.jpeg *.webp *.gif *.bmp *.tif *.tiff *.mp4 *.mkv *.webm *.mov *.avi *.txt *.md *.csv *.json *.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fewer pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages to send, for example 1-5, 8, 10-</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is %1 tokens more than the model can read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fewer pages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fewer frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower image resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, about %2 s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach PDFs, images, videos or text files (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Think first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Think before answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model reasons before it answers: slower, often better. Saved per conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advanced sampling settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image resolution for every picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>full resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>high resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>medium resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pictures are sent at %1, chosen to fit the context.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContextMeter</name>
    <message>
        <source>%1 of %2 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≈ %1 s to read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≈ %1 min to read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≈ %1 h to read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: more than the device has</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context used: %1; %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message>
        <source>Open conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete (Del)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationRepository</name>
    <message>
        <source>There is no conversation with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>%1 is a folder, not a database file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Lectern database: it is damaged or not an SQLite file. Lectern has not changed it. Restore it from a backup, or move it away to start a new database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is truncated (%2 bytes; its header says %3). Lectern has not changed it. Restore it from a backup, or move it away to start a new database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged (%2). Lectern has not changed it. Restore it from a backup, or move it away to start a new database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed its integrity check: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no database at %1. Check the path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the database. Check its permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs recovery from an interrupted write, which a read-only open cannot do. Open it once with Lectern, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was written by a newer version of Lectern (schema version %2; this version understands up to %3). Lectern has not changed it. Update Lectern to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an SQLite database, but not one of Lectern&apos;s. Lectern has not changed it. Choose another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 uses schema version %2 and needs an upgrade to version %3, but it was opened read-only. Open it once with Lectern to upgrade it (a backup is made first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed its integrity check (%2), so Lectern will not upgrade it and has not changed it. Restore it from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no Lectern data yet and was opened read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot use write-ahead logging (journal mode stays &apos;%2&apos;); put the database on a local disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not back up %1 to %2 before upgrading it (%3). Nothing was changed; free some disk space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was opened read-only; it cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message>
        <source>%1 needs a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a non-empty value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes positive numeric ids, not &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs at least one id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes no value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown argument &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--extractions cannot be combined with --conversation or --all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--no-reasoning applies to conversations, not to --extractions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--extractions needs --format csv or --format json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>extracted records export as csv or json, not &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--bom and --with-source apply to --format csv only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--schema-id, --bom and --with-source apply to --extractions only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose the conversations: --conversation ID... or --all (not both).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conversations need --format markdown or --format json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conversations export as markdown or json, not &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage:
  lectern export [--db PATH] (--conversation ID... | --all) --format markdown|json
                 [--no-reasoning] [--out FILE]
  lectern export [--db PATH] --extractions [--schema-id ID...] --format csv|json
                 [--bom] [--with-source] [--out FILE]

Exports conversations or extracted records from Lectern&apos;s database without opening a window.
The database is only read, never changed.

  --db PATH            the database (default: %1)
  --conversation ID... conversations to export, in this order (ids may also be comma-separated)
  --all                every conversation, oldest first
  --no-reasoning       leave out the model&apos;s reasoning
  --extractions        export extracted records instead of conversations
  --schema-id ID...    only records of these extraction schemas
  --bom                start the CSV with a UTF-8 byte-order mark (for spreadsheet programs)
  --with-source        add the columns source.file and source.page to the CSV
  --out FILE           write to FILE (replaced atomically) instead of standard output
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the export: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExtractCommand</name>
    <message>
        <source>--model is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give either --schema FILE or --template NAME (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no files given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--out is required (a .csv or .json file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--out must end in .csv or .json, not &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage:
  lectern extract --model MODEL (--schema SCHEMA.json | --template NAME) FILE... --out ROWS.csv|ROWS.json
                  [--device auto|cpu|vulkan] [--db PATH] [--max-tokens N] [--context N] [--think]

Extracts structured data from each file with JSON-schema-constrained decoding: the model&apos;s answer
always parses and follows the schema. A schema whose top level is an object gives one row per file;
an array of objects gives one row per item (per page for PDFs). Rows are stored in the database with
their source file and page, and written to --out (CSV with source columns, or JSON).

  --model MODEL      a .gguf file or a HuggingFace model folder
  --schema FILE      a JSON Schema (objects, arrays, strings with enum / maxLength / date, date-time,
                     email formats, numbers, integers, booleans, null, anyOf)
  --template NAME    a built-in schema: %1
  --out FILE         where the rows go; .csv or .json
  --device DEVICE    auto (Vulkan when available), cpu or vulkan (default auto)
  --db PATH          the database (default: %2)
  --max-tokens N     tokens per answer (default 1024); values are closed in time to fit
  --context N        context length in tokens (default 8192); long documents are cut to fit
  --think            let the model reason first (off by default for extraction)

Progress goes to standard error. Exit status: 0 when every file was extracted, 1 when a file or the
model failed (the other rows are still written), 2 on a usage error or an unusable schema.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no template &apos;%1&apos;; the templates are %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the schema %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the model %1 does not exist. Give a .gguf file or a model folder with --model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows from %2 files written to %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExtractQueue</name>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extraction queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop files here or use Add files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %2, %n record(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n record(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Progress of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExtractResults</name>
    <message>
        <source>Sort by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extracted records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extracted records appear here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExtractView</name>
    <message>
        <source>Custom schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add files to extract from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents (*.pdf *.txt *.md *.csv *.json *.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export records as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export records as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extraction template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start extraction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause after the current file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extraction needs the database, which could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A JSON Schema: an object with properties, or an array of them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extraction schema as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-run row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extract the selected row&apos;s file again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the records as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the records as JSON</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExtractionJobRepository</name>
    <message>
        <source>An extraction job needs a source file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no extraction schema with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no extraction job with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no finished extraction job with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExtractionRepository</name>
    <message>
        <source>An extraction schema needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The extraction schema &apos;%1&apos; is not valid JSON: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no extraction schema with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extraction schema %1 still has %2 records; delete or export them first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The extracted record is not a valid JSON object: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page numbers start at 1, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot store the record: its schema %1, attachment or message does not exist (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no extracted record with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The edited record %1 is not a JSON object: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExtractionTemplates</name>
    <message>
        <source>line %1, column %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schema is not valid JSON (%1 at %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schema must be a JSON object such as {&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {...}}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schema cannot be used: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The top level of an extraction schema must be an object (one record per file) or an array of objects (one record per item); give &quot;type&quot;: &quot;object&quot; or &quot;type&quot;: &quot;array&quot; with object items.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileDropArea</name>
    <message>
        <source>Drop files to attach them</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageImporter</name>
    <message>
        <source>An image file has exactly one image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image is damaged or not in a format Lectern can read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image is damaged: its size cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image claims to be %1 x %2 pixels, more than Lectern accepts (%3 megapixels, at most %4 pixels per side). It may be damaged or built to exhaust memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 image is %2 x %3 pixels; this kind of %1 file cannot be decoded at reduced size and the full image would need %4 MiB of memory (the limit is %5 MiB). Convert it to JPEG or 8-bit RGB PNG, or make it smaller.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image file could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This kind of image is not supported. Use PNG, JPEG, WebP, GIF, BMP or TIFF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image is damaged or incomplete and could not be decoded (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoding image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image has %1 frames; only the first is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image is %1 x %2 pixels; it was decoded at %3 x %4 to save memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image decoded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageInputs</name>
    <message>
        <source>%1 cannot be read as a picture: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds %2 content, not a picture; send a PNG, JPEG, WebP, GIF, BMP or TIFF image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be sent to the model: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no decodable picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote image URLs are not fetched; send the picture as a data: URL or a local path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid file: URL; write it as file:///absolute/path.png.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image URL must be a data: URL (data:image/png;base64,...), a file:// URL or an absolute local path; got &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server does not read local files (it was started with --no-file-paths); send the picture as a data: URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data: URL is malformed: it needs a comma before the data, as in data:image/png;base64,iVBORw0....</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The base64 data of the data: URL is malformed (only A-Z, a-z, 0-9, +, / and = padding are allowed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data: URL holds no data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture could not be stored in a temporary file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data: URL</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <source>PDF files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>videos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a %1 image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>something else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import took longer than %1 seconds and was stopped. The file may be damaged or too large; try a page range or a shorter clip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder or a device, not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty (0 bytes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is %1; Lectern imports files up to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is an audio file (%1); Lectern imports PDFs, images, videos and text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file type is not supported (%1). Lectern imports PDFs, images (PNG, JPEG, WebP, GIF, BMP, TIFF), videos and text files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is %1; Lectern imports %2 up to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file name ends in .%1 but the file contains %2; it was imported as such.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found in cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 is too narrow for the vision model (aspect ratio above 200:1); it is left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video&apos;s frames are too narrow for the vision model (aspect ratio above 200:1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InspectCommand</name>
    <message>
        <source>Usage: lectern inspect [OPTIONS] FILE...
Imports each file without opening a window and prints the results as JSON.

Options:
  --pages=RANGE      PDF pages to import, e.g. 1-5,8,10-
  --password=TEXT    password for protected PDFs
  --dpi=N            resolution of PDF page images (default 120)
  --fps=N            video frames sampled per second (default 2)
  --max-frames=N     video frame budget (default 768)
  --text             include the full text of every page

Exit status: 0 when every file was imported, 1 when any failed, 2 on a usage error.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lectern inspect: unknown option %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lectern inspect: invalid value in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lectern inspect: no files given</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MarkdownExport</name>
    <message>
        <source>1 page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attached: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer was interrupted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer was cut off at the length limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thinking: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasoning (%1 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lectern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generating the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the edited question</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n tokens · %1 tokens/s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut off at the length limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit and resend the question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerate the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Waiting for %n API request(s)…</source>
        <translation>
            <numerusform>Waiting for %n API request…</numerusform>
            <numerusform>Waiting for %n API requests…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageRepository</name>
    <message>
        <source>There is no conversation with id %1 to add a message to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no message with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelSetupDialog</name>
    <message>
        <source>Open a GGUF model file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a HuggingFace model folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lectern answers with a Qwen3.5 model that runs on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open GGUF file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open HuggingFace folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Qwen3.5 models in Ollama&apos;s store or the HuggingFace cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models found on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ollama</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HuggingFace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download Qwen3.5-0.8B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the model setup</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpenAiProtocol</name>
    <message>
        <source>an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid &apos;messages&apos;: empty array. Send at least one message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages with role &apos;function&apos; are deprecated and not supported; use &apos;tool&apos; messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid value for &apos;%1.role&apos;: &apos;%2&apos;. Supported values are &apos;system&apos;, &apos;developer&apos;, &apos;user&apos;, &apos;assistant&apos; and &apos;tool&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid &apos;%1.type&apos;: only &quot;function&quot; tool calls are supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid &apos;%1.function.name&apos;: expected a non-empty string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string holding a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid &apos;%1&apos;: the arguments must be the JSON text of an object, as in &quot;{\&quot;city\&quot;: \&quot;Paris\&quot;}&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string or an array of content parts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content parts of type &apos;%1&apos; are not supported; Lectern reads &apos;text&apos; and &apos;image_url&apos; parts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pictures can only be sent in user messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The loaded model %1 cannot see images; load a model with a vision encoder (mmproj).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>above %1 and at most %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid &apos;%1&apos;: expected a value %2, but got %3 instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model &apos;%1&apos; does not exist: this server has the model &apos;%2&apos; loaded. Send &quot;model&quot;: &quot;%2&quot; or leave it out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only one choice per request is supported (&apos;n&apos; must be 1); send several requests instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop sequences are not supported; leave out &apos;stop&apos; and cut the answer yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log probabilities are not supported; leave out &apos;logprobs&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log probabilities are not supported; leave out &apos;top_logprobs&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;logit_bias&apos; is not supported; leave it out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;frequency_penalty&apos; is not supported; use &apos;presence_penalty&apos; or &apos;repetition_penalty&apos; instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is deprecated and not supported; use &apos;tools&apos; instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audio output is not supported; leave out &apos;audio&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only text output is supported (&apos;modalities&apos;: [&quot;text&quot;]).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;stream_options&apos; is only allowed when &apos;stream&apos; is true.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;enable_thinking&apos; and &apos;chat_template_kwargs.enable_thinking&apos; disagree; send one of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid &apos;top_k&apos;: expected -1 or 0 (off) or a positive integer, but got %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid &apos;seed&apos;: expected a non-negative integer, but got %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid &apos;%1&apos;: expected a positive integer, but got %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>response_format {&quot;type&quot;: &quot;json_object&quot;} is not supported: Lectern&apos;s constrained decoding writes only the properties a schema names. Send {&quot;type&quot;: &quot;json_schema&quot;, &quot;json_schema&quot;: {&quot;name&quot;: ..., &quot;schema&quot;: {&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {...}}}} instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid value for &apos;response_format.type&apos;: &apos;%1&apos;. Supported values are &apos;text&apos; and &apos;json_schema&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JSON schema cannot be used for constrained decoding: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A &apos;tool_choice&apos; that names or forces a function is not supported; use &quot;auto&quot; or &quot;none&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tool_choice &quot;required&quot; is not supported; use &quot;auto&quot; or &quot;none&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid value for &apos;tool_choice&apos;: &apos;%1&apos;. Supported values are &apos;auto&apos; and &apos;none&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid &apos;%1.type&apos;: only &quot;function&quot; tools are supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversation cannot be written in the model&apos;s chat template: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JSON body is nested more than %1 levels deep; send a flatter request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We could not parse the JSON body of your request: %1. Send a JSON object in UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We could not parse the JSON body of your request: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request body must be a JSON object, but it is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unknown value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid type for &apos;%1&apos;: expected %2, but got %3 instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing required parameter: &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PageRange</name>
    <message>
        <source>The page range &quot;%1&quot; is not valid: &quot;%2&quot; is not a page number. Use numbers and ranges such as 1-5, 8, 10-.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page range &quot;%1&quot; is not valid: &quot;%2&quot; is not a range. Use numbers and ranges such as 1-5, 8, 10-.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page range &quot;%1&quot; is not valid: %2 runs backwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The page range &quot;%1&quot; asks for page %2, but the document has only %n page(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfImporter</name>
    <message>
        <source>There is no page image %1 in this document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF %1 could not be opened again to render a page; it may have been moved or changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of the PDF could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of the PDF could not be rendered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF is damaged or incomplete and could not be opened. If it was downloaded, try downloading it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This PDF is protected by a password. Enter the password to import it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is not correct for this PDF. Check it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF has no pages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only %1 of the %2 selected pages were imported (pages %3 to %4). Choose a page range to import the others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the PDF&apos;s pages could be read; the file is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some pages could not be read and were skipped: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages without usable text are sent as images: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF has no usable text layer (it may be scanned); all pages are sent as images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromptBuilder</name>
    <message>
        <source>%1 is an image. The loaded model cannot see images (it has no vision encoder: load its mmproj file): the file is kept with the conversation, but the answer does not use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a video. The loaded model cannot see videos (it has no vision encoder: load its mmproj file): the file is kept with the conversation, but the answer does not use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no text the model can read, and the loaded model cannot see page images (it has no vision encoder); the answer does not use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) of %1 have no text layer and are left out: the loaded model cannot see page images (it has no vision encoder).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no decodable pictures; the answer does not use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 of %2 cannot be sent to the model (%3); the answer does not use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its aspect ratio is above 200:1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame %1 of %2 cannot be decoded (%3); it is left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The frames of %1 cannot be sent to the model (aspect ratio above 200:1); the answer does not use them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>video</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReasoningBlock</name>
    <message numerus="yes">
        <source>Thought for %n s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the reasoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the reasoning</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SamplingPanel</name>
    <message>
        <source>Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presence penalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advanced sampling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty fields follow the model card (thinking or not, text or images).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the model card&apos;s values</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServeCommand</name>
    <message>
        <source>&apos;%1&apos; is not an option; serve takes only options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage:
  lectern serve [--model MODEL] [--mmproj FILE] [--device auto|cpu|vulkan] [--context N]
                [--host 127.0.0.1] [--port 8080] [--api-key KEY] [--max-body-mb N] [--max-queue N]
                [--no-file-paths]

Serves the model through a local OpenAI-compatible API without opening a window:
GET /health, GET /v1/models and POST /v1/chat/completions (streaming with server-sent events,
pictures as data URLs or file paths, thinking with &quot;enable_thinking&quot;, JSON schemas in
&quot;response_format&quot;, tool calls). Requests are answered one after another by the one model.
Nothing is stored in Lectern&apos;s conversations.

Once serving, it prints &quot;Lectern API server listening on http://HOST:PORT (model NAME)&quot; to standard
output; one line per request goes to standard error. Ctrl+C (SIGINT) or SIGTERM stops it.

  --model MODEL      a .gguf file or a HuggingFace model folder (default: the model chosen in Lectern&apos;s
                     settings)
  --mmproj FILE      the vision projector GGUF (default: found next to the model)
  --device DEVICE    auto (Vulkan when available), cpu or vulkan (default: the settings&apos; choice)
  --context N        context length in tokens per request (default: the settings&apos; choice, else 8192)
  --host ADDRESS     the address to listen on (default 127.0.0.1: this computer only)
  --port N           the port (default 8080; 0 picks a free one)
  --api-key KEY      clients must send &quot;Authorization: Bearer KEY&quot; (default: the environment variable
                     LECTERN_API_KEY; none when unset)
  --max-body-mb N    larger request bodies are refused with 413 (default 64)
  --max-queue N      requests running or waiting beyond N are refused with 429 (default 16)
  --no-file-paths    pictures only as data URLs: refuse image_url parts that name local files

Exit status: 0 when stopped by a signal, 1 when the model cannot be loaded or the port not bound,
2 on a usage error.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no model is chosen. Give a .gguf file or a model folder with --model, or choose one in Lectern&apos;s settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the model %1 does not exist. Give a .gguf file or a model folder with --model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: listening on %1 without an API key: anyone who can reach this computer can use the model. Set --api-key or LECTERN_API_KEY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the vision projector %1 does not exist. Give an mmproj .gguf file with --mmproj.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create a temporary folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot set up the signal handling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopping</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a GGUF model file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a HuggingFace model folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (GPU when available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU (Vulkan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit the context size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context size in tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KV cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>16-bit (best quality)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>8-bit (half the memory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KV cache precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Like the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language is used after Lectern restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the largest that fits: %1 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full (up to 16,384 tokens per picture)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High (up to 4,096 tokens per picture)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium (up to 1,024 tokens per picture)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low (up to 256 tokens per picture)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image resolution: the most vision tokens one picture or page image may take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video frames per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frames per second, at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most frames sampled from one video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (the largest that fits the context)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local API server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serve the model to other apps on this computer (OpenAI-compatible API)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API server port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: every app on this computer may connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key that clients must send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate a random API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An API key cannot contain spaces or characters outside ASCII.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients send it as &quot;Authorization: Bearer &lt;key&gt;&quot;. It is stored in plain text in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the API server again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>New chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conversations yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New chat (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conversation mentions that</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo deleting the conversation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Model: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device: CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device: GPU (Vulkan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device: automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU (lavapipe)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vulkan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Using the CPU: no Vulkan GPU was found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Using the CPU: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context: %1 tokens (up to %2 fit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KV cache: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the CPU: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. Open the API server settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StreamingImageDecoder</name>
    <message>
        <source>The image file could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This kind of BMP file cannot be decoded at reduced size; save it as PNG or JPEG, or make it smaller.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This kind of BMP file (compressed) cannot be decoded at reduced size; save it as PNG or JPEG, or make it smaller.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lectern cannot decode %1 images at reduced size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image is damaged or incomplete and could not be decoded (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image file could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough memory to decode the image.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TextImporter</name>
    <message>
        <source>Reading text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text file grew past the size limit while it was read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not valid UTF-8; it was read as Latin-1 (ISO-8859-1). If characters look wrong, save it as UTF-8 and import it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file contains byte sequences that are invalid in %1; they were replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The HTML file is %1 MiB; Lectern reads HTML files up to %2 MiB. Save the page as plain text to import it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extracting text from HTML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not valid JSON (%1 at character %2); it is used as plain text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file contains no text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VideoImporter</name>
    <message>
        <source>There is no sampled frame %1 in this video.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video could not be opened again to decode a frame.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video stream has no valid frame size; the file is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video frames are %1 x %2 pixels; Lectern reads videos up to %3 pixels per side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video claims to last %1 s; Lectern reads videos up to %2 s. Cut it into shorter clips.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading frame timestamps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video stream contains no frames.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video is long: %1 frames spread evenly over it were sampled (the frame budget), fewer than %2 per second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoding a test frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video&apos;s frames could not be decoded; the file is damaged. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VideoReader</name>
    <message>
        <source>Not enough memory to open the video.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video file is damaged, incomplete or in a container Lectern does not read (%1). MP4, WebM, Matroska, QuickTime and AVI files are supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video&apos;s streams could not be read; the file is damaged (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file contains no video stream (it may be audio only). Lectern imports video files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video stream has an invalid time base; the file is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video uses the %1 codec, which this installation cannot decode. Convert it to H.264 or VP9.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough memory to open the video decoder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 video decoder could not be started (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video has more than %1 frames, more than Lectern reads from one file. Cut it into shorter clips.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A video frame could not be converted to an image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoding was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video stream is damaged and could not be decoded (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The frame at %1 s could not be decoded; the video may be truncated.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lectern::app::ModelDownloader</name>
    <message>
        <source>The download address &quot;%1&quot; is not an http or https address. Correct it in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Choose a folder you can write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Free some disk space and start the download again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download paused. Start it again to continue where it stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered %1 %2 for %3. Check the download address in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The download stopped after %1 bytes: %2. Start it again to resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection closed after %1 of %2 bytes. Start the download again to resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the downloaded file %1 to check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The downloaded file is damaged: its SHA-256 is %1, expected %2. It was deleted; download it again or check the address and checksum in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot move the download to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lectern::chat</name>
    <message>
        <source>The request was cancelled before it started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model is loaded. Load a model in Lectern (or start `lectern serve` with --model) and send the request again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request cannot be turned into a prompt: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The messages take %1 tokens, but the model&apos;s context holds %2. Send fewer or shorter messages, or load the model with a longer context.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model cannot answer this request: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lectern::chat::ChatService</name>
    <message>
        <source>The request was cancelled: Lectern is shutting down.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lectern::chat::TurnRunner</name>
    <message>
        <source>Cannot load the model %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start a session with the model %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The question was cancelled before it was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model is loaded. Load a model before asking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The question is empty. Type a question to ask.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database %1 for writing: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no conversation %1 in %2. Leave out the conversation to start a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be attached: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot build the prompt: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversation and its attachments take %1 tokens, but the context holds %2. Attach less, start a new conversation or load the model with a longer context.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the question: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown KV cache precision &quot;%1&quot;: choose f16 or q8_0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image budget was not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model is loaded, so the prompt cannot be estimated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot estimate the prompt: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The pictures of the %n earliest question(s) with pictures are left out: the whole conversation does not fit the context otherwise.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The pictures of earlier questions are sent at lower resolution so that the whole conversation fits the context.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pictures of %1 from an earlier question are not sent again: the file is gone or has changed since.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lectern::extract::ExtractionService</name>
    <message>
        <source>The database cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extraction job %1 is running.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lectern::extract::ExtractionWorker</name>
    <message>
        <source>Cannot load the model %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start a session with the model %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model is loaded. Load a model before extracting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no text to extract from (image-only pages are not read yet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extraction failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page %1: the answer is not complete JSON (%2); raise the token limit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lectern::server::ApiServer</name>
    <message>
        <source>Port %1 on %2 needs administrator rights. Choose a port above 1023.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot listen on %1 port %2: %3. Check that the address belongs to this computer (127.0.0.1 for this computer only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the address is not usable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 on %2 is in use by another program. Choose another port, or stop the other program.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lectern::ui</name>
    <message>
        <source>&apos;%1&apos; is not a value of type %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lectern::ui::AppSettings</name>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lectern::ui::AttachmentListModel</name>
    <message>
        <source>1 page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lectern::ui::AttachmentResender</name>
    <message>
        <source>%1 has no stored text, so it is not sent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has changed or is gone, and no text of it is stored, so it is not sent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has changed since it was sent, so it is not sent again. Attach it again to ask about the new version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read again (%2), so it is not sent again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lectern::ui::ChatController</name>
    <message>
        <source>No database is open, so no model can be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the conversations: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the conversation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot rename the conversation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot delete the conversation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the thinking setting: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot search: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database is open, so nothing can be asked or kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the answer, or stop it, before asking again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model is loaded. Open a model before asking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove the old answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lectern::ui::ExtractionController</name>
    <message>
        <source>The database cannot be opened, so the change cannot be kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no built-in template named &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a file that can be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extraction needs the database, which could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to extract: add files first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model first (Settings → Model).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file of this record is not in the extraction queue, so it cannot be re-run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the change: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot queue the files: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extraction job %1 is running.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lectern::ui::ExtractionRecordModel</name>
    <message>
        <source>Source file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lectern::ui::ModelSetup</name>
    <message>
        <source>%1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 has no config.json: choose a HuggingFace model folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a GGUF model file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a %2 model; Lectern runs Qwen3.5 models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lectern::ui::ServerController</name>
    <message>
        <source>API server starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API server could not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API: %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) running</source>
        <translation>
            <numerusform>%n request running</numerusform>
            <numerusform>%n requests running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>API: %n request(s) running</source>
        <translation>
            <numerusform>API: %n request running</numerusform>
            <numerusform>API: %n requests running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>API: %n request(s) waiting</source>
        <translation>
            <numerusform>API: %n request waiting</numerusform>
            <numerusform>API: %n requests waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>API server on :%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available: no database could be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening on %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local API server could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>lectern: cannot draw the window: %1
If this computer has no working OpenGL driver, start Lectern with QT_QUICK_BACKEND=software.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations cannot be kept: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
