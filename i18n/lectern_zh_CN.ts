<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Lectern</source>
        <translation>关于 Lectern</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>Ask questions about your PDFs, images and videos with a Qwen3.5 model running on this computer.</source>
        <translation>向在本机运行的 Qwen3.5 模型提问，了解你的 PDF、图片和视频。</translation>
    </message>
    <message>
        <source>Compute devices</source>
        <translation>计算设备</translation>
    </message>
    <message>
        <source>Looking for devices…</source>
        <translation>正在查找设备…</translation>
    </message>
    <message>
        <source>Built with</source>
        <translation>构建所用组件</translation>
    </message>
    <message>
        <source>%1 %2 — licence: %3</source>
        <translation>%1 %2 — 许可证：%3</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy these details</source>
        <translation>复制这些信息</translation>
    </message>
</context>
<context>
    <name>AboutInfo</name>
    <message>
        <source> — used by Lectern</source>
        <translation> — Lectern 正在使用</translation>
    </message>
    <message>
        <source> — not usable: %1</source>
        <translation> — 不可用：%1</translation>
    </message>
    <message>
        <source>No Vulkan device</source>
        <translation>没有 Vulkan 设备</translation>
    </message>
    <message>
        <source>Compute devices:</source>
        <translation>计算设备：</translation>
    </message>
    <message>
        <source>Built with:</source>
        <translation>构建所用组件：</translation>
    </message>
</context>
<context>
    <name>ApiErrors</name>
    <message>
        <source>The HTTP request is malformed. Send a valid HTTP/1.1 request.</source>
        <translation>HTTP 请求格式错误。请发送有效的 HTTP/1.1 请求。</translation>
    </message>
    <message>
        <source>There is no %1 here. This server answers GET /health, GET /v1/models and POST /v1/chat/completions.</source>
        <translation>这里没有 %1。此服务器响应 GET /health、GET /v1/models 和 POST /v1/chat/completions。</translation>
    </message>
    <message>
        <source>The request body is larger than this server accepts (%1 MiB). Send smaller pictures or fewer messages, or raise the limit.</source>
        <translation>请求正文超过此服务器接受的大小（%1 MiB）。请发送更小的图片或更少的消息，或提高上限。</translation>
    </message>
    <message>
        <source>The request failed with HTTP status %1.</source>
        <translation>请求失败，HTTP 状态为 %1。</translation>
    </message>
    <message>
        <source>The API key is not the one this server was started with. Send the right key as &quot;Authorization: Bearer &lt;key&gt;&quot;.</source>
        <translation>API 密钥与此服务器启动时的密钥不符。请以 &quot;Authorization: Bearer &lt;key&gt;&quot; 发送正确的密钥。</translation>
    </message>
    <message>
        <source>This server needs an API key. Send it as the header &quot;Authorization: Bearer &lt;key&gt;&quot;.</source>
        <translation>此服务器需要 API 密钥。请通过请求头 &quot;Authorization: Bearer &lt;key&gt;&quot; 发送。</translation>
    </message>
    <message>
        <source>%1 does not take %2; use %3.</source>
        <translation>%1 不接受 %2；请使用 %3。</translation>
    </message>
    <message>
        <source>The server is busy with %1 requests (the most it queues). Retry once one has finished.</source>
        <translation>服务器正忙于 %1 个请求（队列上限）。请在其中一个完成后重试。</translation>
    </message>
    <message>
        <source>No model is loaded. Load a model in Lectern (or start `lectern serve` with --model) and send the request again.</source>
        <translation>未加载模型。请在 Lectern 中加载模型（或用 --model 启动 `lectern serve`），然后重新发送请求。</translation>
    </message>
    <message>
        <source>The server is stopping. Send the request again once it is back.</source>
        <translation>服务器正在停止。请在它恢复后重新发送请求。</translation>
    </message>
    <message>
        <source>The server failed on this request (%1). Other requests are not affected; please report this.</source>
        <translation>服务器处理此请求时失败（%1）。其他请求不受影响；请报告此问题。</translation>
    </message>
    <message>
        <source>Generation failed: %1</source>
        <translation>生成失败：%1</translation>
    </message>
    <message>
        <source>The request was cancelled: the server is stopping.</source>
        <translation>请求已取消：服务器正在停止。</translation>
    </message>
    <message>
        <source>The client closed the connection before the answer was ready; the completion was cancelled.</source>
        <translation>客户端在回答完成前关闭了连接；本次补全已取消。</translation>
    </message>
</context>
<context>
    <name>AppHeader</name>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>Conversation: %1</source>
        <translation>对话：%1</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>About Lectern</source>
        <translation>关于 Lectern</translation>
    </message>
    <message>
        <source>About Lectern (F1)</source>
        <translation>关于 Lectern (F1)</translation>
    </message>
    <message>
        <source>Extract</source>
        <translation>提取</translation>
    </message>
    <message>
        <source>Extract data from files</source>
        <translation>从文件中提取数据</translation>
    </message>
    <message>
        <source>Extract tables of data from files (Ctrl+E)</source>
        <translation>从文件中提取数据表 (Ctrl+E)</translation>
    </message>
</context>
<context>
    <name>AskCommand</name>
    <message>
        <source>--seed takes a whole number from 0 to 18446744073709551615, not &apos;%1&apos;.</source>
        <translation>--seed 接受 0 到 18446744073709551615 之间的整数，而不是“%1”。</translation>
    </message>
    <message>
        <source>--model is required.</source>
        <translation>必须指定 --model。</translation>
    </message>
    <message>
        <source>no question given.</source>
        <translation>没有给出问题。</translation>
    </message>
    <message>
        <source>give the question as one argument (in quotes); &apos;%1&apos; is extra.</source>
        <translation>请把问题作为一个参数给出（放在引号中）；“%1”是多余的。</translation>
    </message>
    <message>
        <source>the question is empty.</source>
        <translation>问题为空。</translation>
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
        <translation>用法：
  lectern ask --model 模型 [--mmproj 文件] [--think] [--attach 文件]... [--db 路径] [--conversation ID]
              [--device auto|cpu|vulkan] [--max-tokens N] [--seed N] [--greedy] [--context N]
              &quot;问题&quot;

不打开窗口提出一个问题，使用与窗口相同的导入、提示词、引擎和存储，并将这轮问答保存到数据库中。

输出：回答以流式写到标准输出。模型的推理过程（--think）写到标准错误，警告、统计信息以及最后的
“conversation ID”一行也是如此：把该 ID 传给 --conversation 即可在同一对话中继续追问。

  --model 模型         .gguf 文件或 HuggingFace 模型文件夹
  --think              思考模式：模型先推理再回答
  --mmproj 文件        视觉投影器 GGUF（默认：模型文件夹自带的视觉塔，或 GGUF 模型旁的
                       mmproj-&lt;模型名&gt;.gguf）
  --attach 文件        问题所用的文件（可重复）：PDF 和文本文件的文本；模型带视觉编码器时，
                       还包括图片、扫描的 PDF 页面和视频帧（没有时会随这轮问答保存，并给出警告）
  --db 路径            数据库（默认：%1）
  --conversation ID    继续此对话（其历史会再次发送）
  --device 设备        auto（可用时使用 Vulkan）、cpu 或 vulkan（默认 auto）
  --max-tokens N       生成 N 个词元后停止（包括推理）
  --seed N             采样种子：在同一设备上，同样的问题得到同样的回答
  --greedy             总是选择概率最高的词元（无种子也是确定的）
  --context N          上下文长度（词元，默认 8192）

退出状态：回答完整或达到 --max-tokens 时为 0，出错时为 1，用法错误时为 2。
</translation>
    </message>
    <message>
        <source>the model %1 does not exist. Give a .gguf file or a model folder with --model.</source>
        <translation>模型 %1 不存在。请用 --model 指定一个 .gguf 文件或模型文件夹。</translation>
    </message>
    <message>
        <source>there is no conversation %1 in %2. Leave out --conversation to start a new one.</source>
        <translation>%2 中没有对话 %1。省略 --conversation 即可开始新对话。</translation>
    </message>
    <message>
        <source>cannot attach %1: %2</source>
        <translation>无法附加 %1：%2</translation>
    </message>
    <message>
        <source>warning: %1: %2</source>
        <translation>警告：%1：%2</translation>
    </message>
    <message>
        <source>the vision projector %1 does not exist. Give an mmproj .gguf file with --mmproj.</source>
        <translation>视觉投影器 %1 不存在。请用 --mmproj 指定一个 mmproj .gguf 文件。</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>conversation %1</source>
        <translation>对话 %1</translation>
    </message>
</context>
<context>
    <name>AttachmentChip</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1, %2, about %3 tokens</source>
        <translation>%1，%2，约 %3 个词元</translation>
    </message>
    <message>
        <source>Reading… %1%</source>
        <translation>正在读取… %1%</translation>
    </message>
    <message>
        <source>%1 · %2 tokens</source>
        <translation>%1 · %2 个词元</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Page images</source>
        <translation>页面图像</translation>
    </message>
    <message>
        <source>How to send %1</source>
        <translation>如何发送 %1</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>移除 %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>AttachmentRepository</name>
    <message>
        <source>An attachment needs its original file path.</source>
        <translation>附件需要其原始文件路径。</translation>
    </message>
    <message>
        <source>The attachment&apos;s SHA-256 must be 64 lower-case hex digits, not &apos;%1&apos;.</source>
        <translation>附件的 SHA-256 必须是 64 位小写十六进制数字，而不是“%1”。</translation>
    </message>
    <message>
        <source>An attachment needs a kind (pdf, image, ...).</source>
        <translation>附件需要一个类型（pdf、image 等）。</translation>
    </message>
    <message>
        <source>The cache key &apos;%1&apos; must be relative to the cache folder and stay inside it.</source>
        <translation>缓存键“%1”必须是相对于缓存文件夹的路径，并且位于其中。</translation>
    </message>
    <message>
        <source>Cannot attach %1: conversation %2 or its message does not exist (%3).</source>
        <translation>无法附加 %1：对话 %2 或其消息不存在（%3）。</translation>
    </message>
    <message>
        <source>There is no attachment with id %1.</source>
        <translation>没有 ID 为 %1 的附件。</translation>
    </message>
</context>
<context>
    <name>ChatArea</name>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the answer</source>
        <translation>停止回答</translation>
    </message>
    <message>
        <source>Stop (Esc)</source>
        <translation>停止 (Esc)</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Dismiss the error</source>
        <translation>关闭错误提示</translation>
    </message>
    <message>
        <source>Ask about your documents</source>
        <translation>就你的文档提问</translation>
    </message>
    <message>
        <source>Drop PDFs, images or videos here, or type a question</source>
        <translation>将 PDF、图片或视频拖放到这里，或输入问题</translation>
    </message>
    <message>
        <source>Everything stays on this computer.</source>
        <translation>所有内容都保留在这台电脑上。</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Lectern: ask questions about your PDFs, images and videos, answered on this computer.</source>
        <translation>Lectern：就你的 PDF、图片和视频提问，由这台电脑作答。</translation>
    </message>
    <message>
        <source>Show this help, then quit.</source>
        <translation>显示此帮助，然后退出。</translation>
    </message>
    <message>
        <source>Print the program name and version, then quit.</source>
        <translation>显示程序名称和版本，然后退出。</translation>
    </message>
    <message>
        <source>PDFs, images, videos or text files to open.</source>
        <translation>要打开的 PDF、图片、视频或文本文件。</translation>
    </message>
    <message>
        <source>[FILE...]</source>
        <translation>[文件...]</translation>
    </message>
    <message>
        <source>Try &apos;%1 --help&apos; for more information.</source>
        <translation>运行“%1 --help”了解更多信息。</translation>
    </message>
    <message>
        <source>--screenshot only works together with --smoke-test.</source>
        <translation>--screenshot 只能与 --smoke-test 一起使用。</translation>
    </message>
    <message>
        <source>--screenshot needs a file name.</source>
        <translation>--screenshot 需要一个文件名。</translation>
    </message>
    <message>
        <source>An empty file name was given.</source>
        <translation>给出了空的文件名。</translation>
    </message>
    <message>
        <source>Without a window: lectern inspect|ask|extract|export|serve ... (serve: the local OpenAI-compatible API server); lectern MODE --help shows each mode&apos;s options.</source>
        <translation>无窗口：lectern inspect|ask|extract|export|serve ...（serve：本地 OpenAI 兼容 API 服务器）；lectern 模式 --help 显示各模式的选项。</translation>
    </message>
</context>
<context>
    <name>CommandOptions</name>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1 需要一个值。</translation>
    </message>
    <message>
        <source>%1 needs a non-empty value.</source>
        <translation>%1 需要一个非空的值。</translation>
    </message>
    <message>
        <source>%1 takes a whole number from %2 to %3, not &apos;%4&apos;.</source>
        <translation>%1 接受 %2 到 %3 之间的整数，而不是“%4”。</translation>
    </message>
    <message>
        <source>%1 takes no value.</source>
        <translation>%1 不接受值。</translation>
    </message>
    <message>
        <source>--device takes auto, cpu or vulkan, not &apos;%1&apos;.</source>
        <translation>--device 接受 auto、cpu 或 vulkan，而不是“%1”。</translation>
    </message>
    <message>
        <source>unknown argument &apos;%1&apos;.</source>
        <translation>未知参数“%1”。</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Attach files</source>
        <translation>附加文件</translation>
    </message>
    <message>
        <source>Documents, images and videos (*.pdf *.png *.jpg *.jpeg *.webp *.gif *.bmp *.tif *.tiff *.mp4 *.mkv *.webm *.mov *.avi *.txt *.md *.csv *.json *.html)</source>
        <translation>文档、图片和视频 (*.pdf *.png *.jpg *.jpeg *.webp *.gif *.bmp *.tif *.tiff *.mp4 *.mkv *.webm *.mov *.avi *.txt *.md *.csv *.json *.html)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Fewer pages</source>
        <translation>减少页数</translation>
    </message>
    <message>
        <source>Pages to send, for example 1-5, 8, 10-</source>
        <translation>要发送的页面，例如 1-5, 8, 10-</translation>
    </message>
    <message>
        <source>Pages to send</source>
        <translation>要发送的页面</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>This is %1 tokens more than the model can read.</source>
        <translation>这比模型能读取的多出 %1 个词元。</translation>
    </message>
    <message>
        <source>Fewer pages…</source>
        <translation>减少页数…</translation>
    </message>
    <message>
        <source>Fewer frames</source>
        <translation>减少帧数</translation>
    </message>
    <message>
        <source>Lower image resolution</source>
        <translation>降低图像分辨率</translation>
    </message>
    <message>
        <source>Reading the question</source>
        <translation>正在读取问题</translation>
    </message>
    <message>
        <source>%1 of %2 tokens</source>
        <translation>%1 / %2 个词元</translation>
    </message>
    <message>
        <source>%1, about %2 s left</source>
        <translation>%1，大约还剩 %2 秒</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the answer</source>
        <translation>取消回答</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>附加…</translation>
    </message>
    <message>
        <source>Attach PDFs, images, videos or text files (Ctrl+O)</source>
        <translation>附加 PDF、图片、视频或文本文件 (Ctrl+O)</translation>
    </message>
    <message>
        <source>Type a question…</source>
        <translation>输入问题…</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Think first</source>
        <translation>先思考</translation>
    </message>
    <message>
        <source>Think before answering</source>
        <translation>回答前先思考</translation>
    </message>
    <message>
        <source>The model reasons before it answers: slower, often better. Saved per conversation.</source>
        <translation>模型会先推理再回答：更慢，但通常更好。按对话保存。</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>高级</translation>
    </message>
    <message>
        <source>Advanced sampling settings</source>
        <translation>高级采样设置</translation>
    </message>
    <message>
        <source>Automatic resolution</source>
        <translation>自动分辨率</translation>
    </message>
    <message>
        <source>High resolution</source>
        <translation>高分辨率</translation>
    </message>
    <message>
        <source>Medium resolution</source>
        <translation>中等分辨率</translation>
    </message>
    <message>
        <source>Low resolution</source>
        <translation>低分辨率</translation>
    </message>
    <message>
        <source>Image resolution for every picture</source>
        <translation>所有图片的分辨率</translation>
    </message>
    <message>
        <source>full resolution</source>
        <translation>完整分辨率</translation>
    </message>
    <message>
        <source>high resolution</source>
        <translation>高分辨率</translation>
    </message>
    <message>
        <source>medium resolution</source>
        <translation>中等分辨率</translation>
    </message>
    <message>
        <source>low resolution</source>
        <translation>低分辨率</translation>
    </message>
    <message>
        <source>Pictures are sent at %1, chosen to fit the context.</source>
        <translation>图片将以%1发送，该分辨率是为适应上下文而选择的。</translation>
    </message>
</context>
<context>
    <name>ContextMeter</name>
    <message>
        <source>%1 of %2 tokens</source>
        <translation>%1 / %2 个词元</translation>
    </message>
    <message>
        <source>Context used: %1</source>
        <translation>已用上下文：%1</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>≈ %1 s to read</source>
        <translation>读取约需 %1 秒</translation>
    </message>
    <message>
        <source>≈ %1 min to read</source>
        <translation>读取约需 %1 分钟</translation>
    </message>
    <message>
        <source>≈ %1 h to read</source>
        <translation>读取约需 %1 小时</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>needs %1</source>
        <translation>需要 %1</translation>
    </message>
    <message>
        <source>%1: more than the device has</source>
        <translation>%1：超出设备容量</translation>
    </message>
    <message>
        <source>Context used: %1; %2</source>
        <translation>已用上下文：%1；%2</translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message>
        <source>Open conversation</source>
        <translation>打开对话</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Conversation title</source>
        <translation>对话标题</translation>
    </message>
    <message>
        <source>Rename conversation</source>
        <translation>重命名对话</translation>
    </message>
    <message>
        <source>Rename (F2)</source>
        <translation>重命名 (F2)</translation>
    </message>
    <message>
        <source>Delete conversation</source>
        <translation>删除对话</translation>
    </message>
    <message>
        <source>Delete (Del)</source>
        <translation>删除 (Del)</translation>
    </message>
</context>
<context>
    <name>ConversationRepository</name>
    <message>
        <source>There is no conversation with id %1.</source>
        <translation>没有 ID 为 %1 的对话。</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>%1 is a folder, not a database file.</source>
        <translation>%1 是文件夹，不是数据库文件。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
        <source>%1 is not a Lectern database: it is damaged or not an SQLite file. Lectern has not changed it. Restore it from a backup, or move it away to start a new database.</source>
        <translation>%1 不是 Lectern 数据库：它已损坏或不是 SQLite 文件。Lectern 没有修改它。请从备份恢复，或将其移走以新建数据库。</translation>
    </message>
    <message>
        <source>%1 is truncated (%2 bytes; its header says %3). Lectern has not changed it. Restore it from a backup, or move it away to start a new database.</source>
        <translation>%1 被截断了（%2 字节；文件头标明 %3）。Lectern 没有修改它。请从备份恢复，或将其移走以新建数据库。</translation>
    </message>
    <message>
        <source>%1 is damaged (%2). Lectern has not changed it. Restore it from a backup, or move it away to start a new database.</source>
        <translation>%1 已损坏（%2）。Lectern 没有修改它。请从备份恢复，或将其移走以新建数据库。</translation>
    </message>
    <message>
        <source>%1 failed its integrity check: %2</source>
        <translation>%1 未通过完整性检查：%2</translation>
    </message>
    <message>
        <source>There is no database at %1. Check the path.</source>
        <translation>%1 处没有数据库。请检查路径。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the database. Check its permissions.</source>
        <translation>无法为数据库创建文件夹 %1。请检查其权限。</translation>
    </message>
    <message>
        <source>%1 needs recovery from an interrupted write, which a read-only open cannot do. Open it once with Lectern, then try again.</source>
        <translation>%1 需要从中断的写入中恢复，而以只读方式打开时无法做到。请先用 Lectern 打开一次，然后重试。</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of Lectern (schema version %2; this version understands up to %3). Lectern has not changed it. Update Lectern to open it.</source>
        <translation>%1 是由更新版本的 Lectern 写入的（架构版本 %2；此版本最多支持 %3）。Lectern 没有修改它。请更新 Lectern 后再打开。</translation>
    </message>
    <message>
        <source>%1 is an SQLite database, but not one of Lectern&apos;s. Lectern has not changed it. Choose another file.</source>
        <translation>%1 是 SQLite 数据库，但不是 Lectern 的数据库。Lectern 没有修改它。请选择其他文件。</translation>
    </message>
    <message>
        <source>%1 uses schema version %2 and needs an upgrade to version %3, but it was opened read-only. Open it once with Lectern to upgrade it (a backup is made first).</source>
        <translation>%1 使用架构版本 %2，需要升级到版本 %3，但它是以只读方式打开的。请用 Lectern 打开一次以升级（会先创建备份）。</translation>
    </message>
    <message>
        <source>%1 failed its integrity check (%2), so Lectern will not upgrade it and has not changed it. Restore it from a backup.</source>
        <translation>%1 未通过完整性检查（%2），因此 Lectern 不会升级它，也没有修改它。请从备份恢复。</translation>
    </message>
    <message>
        <source>%1 holds no Lectern data yet and was opened read-only.</source>
        <translation>%1 中还没有 Lectern 数据，并且是以只读方式打开的。</translation>
    </message>
    <message>
        <source>%1 cannot use write-ahead logging (journal mode stays &apos;%2&apos;); put the database on a local disk.</source>
        <translation>%1 无法使用预写日志（日志模式仍为“%2”）；请将数据库放在本地磁盘上。</translation>
    </message>
    <message>
        <source>Could not back up %1 to %2 before upgrading it (%3). Nothing was changed; free some disk space and try again.</source>
        <translation>升级前无法将 %1 备份到 %2（%3）。没有做任何更改；请释放一些磁盘空间后重试。</translation>
    </message>
    <message>
        <source>%1 was opened read-only; it cannot be written.</source>
        <translation>%1 是以只读方式打开的，无法写入。</translation>
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1 需要一个值。</translation>
    </message>
    <message>
        <source>%1 needs a non-empty value.</source>
        <translation>%1 需要一个非空的值。</translation>
    </message>
    <message>
        <source>%1 takes positive numeric ids, not &apos;%2&apos;.</source>
        <translation>%1 接受正数 ID，而不是“%2”。</translation>
    </message>
    <message>
        <source>%1 needs at least one id.</source>
        <translation>%1 至少需要一个 ID。</translation>
    </message>
    <message>
        <source>%1 takes no value.</source>
        <translation>%1 不接受值。</translation>
    </message>
    <message>
        <source>unknown argument &apos;%1&apos;.</source>
        <translation>未知参数“%1”。</translation>
    </message>
    <message>
        <source>--extractions cannot be combined with --conversation or --all.</source>
        <translation>--extractions 不能与 --conversation 或 --all 同时使用。</translation>
    </message>
    <message>
        <source>--no-reasoning applies to conversations, not to --extractions.</source>
        <translation>--no-reasoning 适用于对话，不适用于 --extractions。</translation>
    </message>
    <message>
        <source>--extractions needs --format csv or --format json.</source>
        <translation>--extractions 需要 --format csv 或 --format json。</translation>
    </message>
    <message>
        <source>extracted records export as csv or json, not &apos;%1&apos;.</source>
        <translation>提取的记录可导出为 csv 或 json，而不是“%1”。</translation>
    </message>
    <message>
        <source>--bom and --with-source apply to --format csv only.</source>
        <translation>--bom 和 --with-source 仅适用于 --format csv。</translation>
    </message>
    <message>
        <source>--schema-id, --bom and --with-source apply to --extractions only.</source>
        <translation>--schema-id、--bom 和 --with-source 仅适用于 --extractions。</translation>
    </message>
    <message>
        <source>choose the conversations: --conversation ID... or --all (not both).</source>
        <translation>请选择对话：--conversation ID... 或 --all（不能同时使用）。</translation>
    </message>
    <message>
        <source>conversations need --format markdown or --format json.</source>
        <translation>对话需要 --format markdown 或 --format json。</translation>
    </message>
    <message>
        <source>conversations export as markdown or json, not &apos;%1&apos;.</source>
        <translation>对话可导出为 markdown 或 json，而不是“%1”。</translation>
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
        <translation>用法：
  lectern export [--db 路径] (--conversation ID... | --all) --format markdown|json
                 [--no-reasoning] [--out 文件]
  lectern export [--db 路径] --extractions [--schema-id ID...] --format csv|json
                 [--bom] [--with-source] [--out 文件]

不打开窗口，从 Lectern 的数据库导出对话或提取的记录。数据库只会被读取，绝不会被修改。

  --db 路径            数据库（默认：%1）
  --conversation ID... 要导出的对话，按此顺序（ID 也可以用逗号分隔）
  --all                所有对话，最早的在前
  --no-reasoning       省略模型的推理过程
  --extractions        导出提取的记录而不是对话
  --schema-id ID...    只导出这些提取架构的记录
  --bom                在 CSV 开头写入 UTF-8 字节顺序标记（便于电子表格程序）
  --with-source        在 CSV 中添加 source.file 和 source.page 列
  --out 文件           写入文件（原子替换）而不是标准输出
</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>cannot write the export: %1</source>
        <translation>无法写入导出内容：%1</translation>
    </message>
</context>
<context>
    <name>ExtractCommand</name>
    <message>
        <source>--model is required.</source>
        <translation>必须指定 --model。</translation>
    </message>
    <message>
        <source>give either --schema FILE or --template NAME (%1).</source>
        <translation>请指定 --schema 文件 或 --template 名称 之一（%1）。</translation>
    </message>
    <message>
        <source>no files given.</source>
        <translation>没有给出文件。</translation>
    </message>
    <message>
        <source>--out is required (a .csv or .json file).</source>
        <translation>必须指定 --out（一个 .csv 或 .json 文件）。</translation>
    </message>
    <message>
        <source>--out must end in .csv or .json, not &apos;%1&apos;.</source>
        <translation>--out 必须以 .csv 或 .json 结尾，而不是“%1”。</translation>
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
        <translation>用法：
  lectern extract --model 模型 (--schema 架构.json | --template 名称) 文件... --out 行.csv|行.json
                  [--device auto|cpu|vulkan] [--db 路径] [--max-tokens N] [--context N] [--think]

使用受 JSON 架构约束的解码从每个文件中提取结构化数据：模型的回答总能被解析并符合架构。顶层为对象的架构
每个文件产生一行；对象数组则每项产生一行（PDF 按页）。各行连同其来源文件和页码保存到数据库，并写入 --out
（带来源列的 CSV，或 JSON）。

  --model 模型       .gguf 文件或 HuggingFace 模型文件夹
  --schema 文件      JSON Schema（对象、数组、带 enum / maxLength / date、date-time、email 格式的字符串、
                     数字、整数、布尔值、null、anyOf）
  --template 名称    内置架构：%1
  --out 文件         行的输出位置；.csv 或 .json
  --device 设备      auto（可用时使用 Vulkan）、cpu 或 vulkan（默认 auto）
  --db 路径          数据库（默认：%2）
  --max-tokens N     每个回答的词元数（默认 1024）；会及时闭合各值以保证完整
  --context N        上下文长度（词元，默认 8192）；过长的文档会被截断
  --think            让模型先推理（提取时默认关闭）

进度写到标准错误。退出状态：所有文件都已提取时为 0，某个文件或模型失败时为 1（其余行仍会写入），
用法错误或架构不可用时为 2。
</translation>
    </message>
    <message>
        <source>there is no template &apos;%1&apos;; the templates are %2.</source>
        <translation>没有模板“%1”；可用的模板有 %2。</translation>
    </message>
    <message>
        <source>cannot read the schema %1: %2</source>
        <translation>无法读取架构 %1：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 不是文件。</translation>
    </message>
    <message>
        <source>the model %1 does not exist. Give a .gguf file or a model folder with --model.</source>
        <translation>模型 %1 不存在。请用 --model 指定一个 .gguf 文件或模型文件夹。</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1 rows from %2 files written to %3</source>
        <translation>已将 %2 个文件中的 %1 行写入 %3</translation>
    </message>
</context>
<context>
    <name>ExtractQueue</name>
    <message>
        <source>Added</source>
        <translation>已添加</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Extraction queue</source>
        <translation>提取队列</translation>
    </message>
    <message>
        <source>Drop files here or use Add files.</source>
        <translation>将文件拖放到这里，或使用“添加文件”。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2, %n record(s)</source>
        <translation>
            <numerusform>%1：%2，%n 条记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n record(s)</source>
        <translation>
            <numerusform>%1 · %n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>Progress of %1</source>
        <translation>%1 的进度</translation>
    </message>
</context>
<context>
    <name>ExtractResults</name>
    <message>
        <source>Sort by %1</source>
        <translation>按 %1 排序</translation>
    </message>
    <message>
        <source>Extracted records</source>
        <translation>提取的记录</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>Extracted records appear here.</source>
        <translation>提取的记录会显示在这里。</translation>
    </message>
</context>
<context>
    <name>ExtractView</name>
    <message>
        <source>Custom schema</source>
        <translation>自定义架构</translation>
    </message>
    <message>
        <source>Add files to extract from</source>
        <translation>添加要提取的文件</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.txt *.md *.csv *.json *.html)</source>
        <translation>文档 (*.pdf *.txt *.md *.csv *.json *.html)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Export records as CSV</source>
        <translation>将记录导出为 CSV</translation>
    </message>
    <message>
        <source>Export records as JSON</source>
        <translation>将记录导出为 JSON</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Extraction template</source>
        <translation>提取模板</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Loading model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Start extraction</source>
        <translation>开始提取</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Pause after the current file</source>
        <translation>处理完当前文件后暂停</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the batch</source>
        <translation>取消这批任务</translation>
    </message>
    <message>
        <source>Extraction needs the database, which could not be opened.</source>
        <translation>提取需要数据库，但无法打开数据库。</translation>
    </message>
    <message>
        <source>Schema (JSON)</source>
        <translation>架构 (JSON)</translation>
    </message>
    <message>
        <source>A JSON Schema: an object with properties, or an array of them</source>
        <translation>JSON Schema：带属性的对象，或由它们组成的数组</translation>
    </message>
    <message>
        <source>Extraction schema as JSON</source>
        <translation>JSON 格式的提取架构</translation>
    </message>
    <message>
        <source>Schema OK</source>
        <translation>架构有效</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Re-run row</source>
        <translation>重新运行该行</translation>
    </message>
    <message>
        <source>Extract the selected row&apos;s file again</source>
        <translation>重新提取所选行的文件</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export the records as CSV</source>
        <translation>将记录导出为 CSV</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>导出 JSON…</translation>
    </message>
    <message>
        <source>Export the records as JSON</source>
        <translation>将记录导出为 JSON</translation>
    </message>
</context>
<context>
    <name>ExtractionJobRepository</name>
    <message>
        <source>An extraction job needs a source file.</source>
        <translation>提取任务需要一个源文件。</translation>
    </message>
    <message>
        <source>There is no extraction schema with id %1.</source>
        <translation>没有 ID 为 %1 的提取架构。</translation>
    </message>
    <message>
        <source>There is no extraction job with id %1.</source>
        <translation>没有 ID 为 %1 的提取任务。</translation>
    </message>
    <message>
        <source>There is no finished extraction job with id %1.</source>
        <translation>没有 ID 为 %1 的已完成提取任务。</translation>
    </message>
</context>
<context>
    <name>ExtractionRepository</name>
    <message>
        <source>An extraction schema needs a name.</source>
        <translation>提取架构需要一个名称。</translation>
    </message>
    <message>
        <source>The extraction schema &apos;%1&apos; is not valid JSON: %2.</source>
        <translation>提取架构“%1”不是有效的 JSON：%2。</translation>
    </message>
    <message>
        <source>There is no extraction schema with id %1.</source>
        <translation>没有 ID 为 %1 的提取架构。</translation>
    </message>
    <message>
        <source>Extraction schema %1 still has %2 records; delete or export them first.</source>
        <translation>提取架构 %1 仍有 %2 条记录；请先删除或导出它们。</translation>
    </message>
    <message>
        <source>The extracted record is not a valid JSON object: %1.</source>
        <translation>提取的记录不是有效的 JSON 对象：%1。</translation>
    </message>
    <message>
        <source>Page numbers start at 1, not %1.</source>
        <translation>页码从 1 开始，而不是 %1。</translation>
    </message>
    <message>
        <source>Cannot store the record: its schema %1, attachment or message does not exist (%2).</source>
        <translation>无法保存记录：其架构 %1、附件或消息不存在（%2）。</translation>
    </message>
    <message>
        <source>There is no extracted record with id %1.</source>
        <translation>没有 ID 为 %1 的提取记录。</translation>
    </message>
    <message>
        <source>The edited record %1 is not a JSON object: %2.</source>
        <translation>编辑后的记录 %1 不是 JSON 对象：%2。</translation>
    </message>
</context>
<context>
    <name>ExtractionTemplates</name>
    <message>
        <source>line %1, column %2</source>
        <translation>第 %1 行，第 %2 列</translation>
    </message>
    <message>
        <source>The schema is not valid JSON (%1 at %2).</source>
        <translation>架构不是有效的 JSON（%2 处：%1）。</translation>
    </message>
    <message>
        <source>The schema must be a JSON object such as {&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {...}}.</source>
        <translation>架构必须是 JSON 对象，例如 {&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {...}}。</translation>
    </message>
    <message>
        <source>The schema cannot be used: %1.</source>
        <translation>无法使用该架构：%1。</translation>
    </message>
    <message>
        <source>The top level of an extraction schema must be an object (one record per file) or an array of objects (one record per item); give &quot;type&quot;: &quot;object&quot; or &quot;type&quot;: &quot;array&quot; with object items.</source>
        <translation>提取架构的顶层必须是一个对象（每个文件一条记录）或对象数组（每项一条记录）；请指定 &quot;type&quot;: &quot;object&quot;，或项为对象的 &quot;type&quot;: &quot;array&quot;。</translation>
    </message>
</context>
<context>
    <name>FileDropArea</name>
    <message>
        <source>Drop files to attach them</source>
        <translation>拖放文件以附加</translation>
    </message>
</context>
<context>
    <name>ImageImporter</name>
    <message>
        <source>An image file has exactly one image.</source>
        <translation>一个图片文件只包含一张图片。</translation>
    </message>
    <message>
        <source>The image is damaged or not in a format Lectern can read.</source>
        <translation>图片已损坏，或者是 Lectern 无法读取的格式。</translation>
    </message>
    <message>
        <source>The image is damaged: its size cannot be read.</source>
        <translation>图片已损坏：无法读取其尺寸。</translation>
    </message>
    <message>
        <source>The image claims to be %1 x %2 pixels, more than Lectern accepts (%3 megapixels, at most %4 pixels per side). It may be damaged or built to exhaust memory.</source>
        <translation>图片声称有 %1 × %2 像素，超出了 Lectern 接受的上限（%3 百万像素，每边最多 %4 像素）。它可能已损坏，或是为耗尽内存而构造的。</translation>
    </message>
    <message>
        <source>The %1 image is %2 x %3 pixels; this kind of %1 file cannot be decoded at reduced size and the full image would need %4 MiB of memory (the limit is %5 MiB). Convert it to JPEG or 8-bit RGB PNG, or make it smaller.</source>
        <translation>这张 %1 图片为 %2 × %3 像素；这种 %1 文件无法以缩小尺寸解码，完整图片需要 %4 MiB 内存（上限为 %5 MiB）。请将其转换为 JPEG 或 8 位 RGB PNG，或缩小图片。</translation>
    </message>
    <message>
        <source>The image file could not be read: %1</source>
        <translation>无法读取图片文件：%1</translation>
    </message>
    <message>
        <source>This kind of image is not supported. Use PNG, JPEG, WebP, GIF, BMP or TIFF.</source>
        <translation>不支持这种图片。请使用 PNG、JPEG、WebP、GIF、BMP 或 TIFF。</translation>
    </message>
    <message>
        <source>The image is damaged or incomplete and could not be decoded (%1).</source>
        <translation>图片已损坏或不完整，无法解码（%1）。</translation>
    </message>
    <message>
        <source>Decoding image</source>
        <translation>正在解码图片</translation>
    </message>
    <message>
        <source>The image has %1 frames; only the first is used.</source>
        <translation>图片有 %1 帧；只使用第一帧。</translation>
    </message>
    <message>
        <source>The image is %1 x %2 pixels; it was decoded at %3 x %4 to save memory.</source>
        <translation>图片为 %1 × %2 像素；为节省内存，以 %3 × %4 解码。</translation>
    </message>
    <message>
        <source>Image decoded</source>
        <translation>图片已解码</translation>
    </message>
</context>
<context>
    <name>ImageInputs</name>
    <message>
        <source>%1 cannot be read as a picture: %2</source>
        <translation>无法将 %1 读取为图片：%2</translation>
    </message>
    <message>
        <source>%1 holds %2 content, not a picture; send a PNG, JPEG, WebP, GIF, BMP or TIFF image.</source>
        <translation>%1 的内容是 %2，不是图片；请发送 PNG、JPEG、WebP、GIF、BMP 或 TIFF 图片。</translation>
    </message>
    <message>
        <source>%1 cannot be sent to the model: %2</source>
        <translation>无法将 %1 发送给模型：%2</translation>
    </message>
    <message>
        <source>it has no decodable picture</source>
        <translation>其中没有可解码的图片</translation>
    </message>
    <message>
        <source>Remote image URLs are not fetched; send the picture as a data: URL or a local path.</source>
        <translation>不会获取远程图片 URL；请以 data: URL 或本地路径发送图片。</translation>
    </message>
    <message>
        <source>%1 is not a valid file: URL; write it as file:///absolute/path.png.</source>
        <translation>%1 不是有效的 file: URL；请写成 file:///absolute/path.png。</translation>
    </message>
    <message>
        <source>The image URL must be a data: URL (data:image/png;base64,...), a file:// URL or an absolute local path; got &quot;%1&quot;.</source>
        <translation>图片 URL 必须是 data: URL（data:image/png;base64,...）、file:// URL 或本地绝对路径；收到的是 &quot;%1&quot;。</translation>
    </message>
    <message>
        <source>This server does not read local files (it was started with --no-file-paths); send the picture as a data: URL.</source>
        <translation>此服务器不读取本地文件（启动时使用了 --no-file-paths）；请以 data: URL 发送图片。</translation>
    </message>
    <message>
        <source>The data: URL is malformed: it needs a comma before the data, as in data:image/png;base64,iVBORw0....</source>
        <translation>data: URL 格式错误：数据前需要一个逗号，例如 data:image/png;base64,iVBORw0....。</translation>
    </message>
    <message>
        <source>The base64 data of the data: URL is malformed (only A-Z, a-z, 0-9, +, / and = padding are allowed).</source>
        <translation>data: URL 的 base64 数据格式错误（只允许 A-Z、a-z、0-9、+、/ 以及 = 填充）。</translation>
    </message>
    <message>
        <source>The data: URL holds no data.</source>
        <translation>data: URL 中没有数据。</translation>
    </message>
    <message>
        <source>The picture could not be stored in a temporary file: %1</source>
        <translation>无法将图片保存到临时文件：%1</translation>
    </message>
    <message>
        <source>The data: URL</source>
        <translation>该 data: URL</translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <source>PDF files</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <source>images</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>videos</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>text files</source>
        <translation>文本文件</translation>
    </message>
    <message>
        <source>files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <source>a %1 image</source>
        <translation>%1 图片</translation>
    </message>
    <message>
        <source>a video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>something else</source>
        <translation>其他内容</translation>
    </message>
    <message>
        <source>The import was cancelled.</source>
        <translation>导入已取消。</translation>
    </message>
    <message>
        <source>The import took longer than %1 seconds and was stopped. The file may be damaged or too large; try a page range or a shorter clip.</source>
        <translation>导入超过 %1 秒，已停止。文件可能已损坏或太大；请尝试指定页面范围或使用更短的片段。</translation>
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>文件 %1 不存在。</translation>
    </message>
    <message>
        <source>%1 is a folder or a device, not a file.</source>
        <translation>%1 是文件夹或设备，不是文件。</translation>
    </message>
    <message>
        <source>The file is empty (0 bytes).</source>
        <translation>文件为空（0 字节）。</translation>
    </message>
    <message>
        <source>The file is %1; Lectern imports files up to %2.</source>
        <translation>文件大小为 %1；Lectern 可导入最大 %2 的文件。</translation>
    </message>
    <message>
        <source>The file could not be opened: %1</source>
        <translation>无法打开文件：%1</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>This is an audio file (%1); Lectern imports PDFs, images, videos and text.</source>
        <translation>这是音频文件（%1）；Lectern 可导入 PDF、图片、视频和文本。</translation>
    </message>
    <message>
        <source>This file type is not supported (%1). Lectern imports PDFs, images (PNG, JPEG, WebP, GIF, BMP, TIFF), videos and text files.</source>
        <translation>不支持此文件类型（%1）。Lectern 可导入 PDF、图片（PNG、JPEG、WebP、GIF、BMP、TIFF）、视频和文本文件。</translation>
    </message>
    <message>
        <source>The file is %1; Lectern imports %2 up to %3.</source>
        <translation>文件大小为 %1；Lectern 可导入最大 %3 的%2。</translation>
    </message>
    <message>
        <source>The file name ends in .%1 but the file contains %2; it was imported as such.</source>
        <translation>文件名以 .%1 结尾，但文件内容是%2；已按其实际类型导入。</translation>
    </message>
    <message>
        <source>Checking file</source>
        <translation>正在检查文件</translation>
    </message>
    <message>
        <source>Found in cache</source>
        <translation>在缓存中找到</translation>
    </message>
    <message>
        <source>Page %1 is too narrow for the vision model (aspect ratio above 200:1); it is left out.</source>
        <translation>第 %1 页对视觉模型来说太窄（宽高比超过 200:1）；已略过。</translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>The video&apos;s frames are too narrow for the vision model (aspect ratio above 200:1).</source>
        <translation>视频帧对视觉模型来说太窄（宽高比超过 200:1）。</translation>
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
        <translation>用法：lectern inspect [选项] 文件...
不打开窗口导入每个文件，并以 JSON 格式输出结果。

选项：
  --pages=范围       要导入的 PDF 页面，例如 1-5,8,10-
  --password=文本    受保护 PDF 的密码
  --dpi=N            PDF 页面图像的分辨率（默认 120）
  --fps=N            每秒采样的视频帧数（默认 2）
  --max-frames=N     视频帧数预算（默认 768）
  --text             包含每页的全文

退出状态：所有文件都已导入时为 0，有文件失败时为 1，用法错误时为 2。
</translation>
    </message>
    <message>
        <source>lectern inspect: unknown option %1</source>
        <translation>lectern inspect：未知选项 %1</translation>
    </message>
    <message>
        <source>lectern inspect: invalid value in %1</source>
        <translation>lectern inspect：%1 中的值无效</translation>
    </message>
    <message>
        <source>lectern inspect: no files given</source>
        <translation>lectern inspect：没有给出文件</translation>
    </message>
</context>
<context>
    <name>MarkdownExport</name>
    <message>
        <source>1 page</source>
        <translation>1 页</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 页</translation>
    </message>
    <message>
        <source>1 frame</source>
        <translation>1 帧</translation>
    </message>
    <message>
        <source>%1 frames</source>
        <translation>%1 帧</translation>
    </message>
    <message>
        <source>Attached: %1 (%2)</source>
        <translation>附件：%1（%2）</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <source>The answer was interrupted.</source>
        <translation>回答被中断。</translation>
    </message>
    <message>
        <source>The answer was cut off at the length limit.</source>
        <translation>回答在长度上限处被截断。</translation>
    </message>
    <message>
        <source>The answer was stopped.</source>
        <translation>回答已停止。</translation>
    </message>
    <message>
        <source>The answer failed.</source>
        <translation>回答失败。</translation>
    </message>
    <message>
        <source>Untitled conversation</source>
        <translation>未命名对话</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>模型：%1</translation>
    </message>
    <message>
        <source>Thinking: %1</source>
        <translation>思考：%1</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>创建时间：%1</translation>
    </message>
    <message>
        <source>Reasoning (%1 s)</source>
        <translation>推理（%1 秒）</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>推理</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>Lectern</source>
        <translation>Lectern</translation>
    </message>
    <message>
        <source>Generating the answer</source>
        <translation>正在生成回答</translation>
    </message>
    <message>
        <source>Edit the question</source>
        <translation>编辑问题</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>取消编辑</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Send the edited question</source>
        <translation>发送编辑后的问题</translation>
    </message>
    <message numerus="yes">
        <source>%n tokens · %1 tokens/s</source>
        <translation>
            <numerusform>%n 个词元 · %1 词元/秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation>
            <numerusform>%n 个词元</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Cut off at the length limit</source>
        <translation>在长度上限处截断</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the question</source>
        <translation>复制问题</translation>
    </message>
    <message>
        <source>Copy the answer</source>
        <translation>复制回答</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Edit and resend the question</source>
        <translation>编辑并重新发送问题</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Regenerate the answer</source>
        <translation>重新生成回答</translation>
    </message>
    <message numerus="yes">
        <source>Waiting for %n API request(s)…</source>
        <translation>
            <numerusform>正在等待 %n 个 API 请求…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageRepository</name>
    <message>
        <source>There is no conversation with id %1 to add a message to.</source>
        <translation>没有 ID 为 %1 的对话可添加消息。</translation>
    </message>
    <message>
        <source>There is no message with id %1.</source>
        <translation>没有 ID 为 %1 的消息。</translation>
    </message>
</context>
<context>
    <name>ModelSetupDialog</name>
    <message>
        <source>Open a GGUF model file</source>
        <translation>打开 GGUF 模型文件</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 模型 (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Open a HuggingFace model folder</source>
        <translation>打开 HuggingFace 模型文件夹</translation>
    </message>
    <message>
        <source>Choose a model</source>
        <translation>选择模型</translation>
    </message>
    <message>
        <source>Lectern answers with a Qwen3.5 model that runs on this computer.</source>
        <translation>Lectern 使用在这台电脑上运行的 Qwen3.5 模型来回答。</translation>
    </message>
    <message>
        <source>Open GGUF file…</source>
        <translation>打开 GGUF 文件…</translation>
    </message>
    <message>
        <source>Open HuggingFace folder…</source>
        <translation>打开 HuggingFace 文件夹…</translation>
    </message>
    <message>
        <source>Found on this computer</source>
        <translation>在这台电脑上找到</translation>
    </message>
    <message>
        <source>No Qwen3.5 models in Ollama&apos;s store or the HuggingFace cache.</source>
        <translation>Ollama 的模型库和 HuggingFace 缓存中都没有 Qwen3.5 模型。</translation>
    </message>
    <message>
        <source>Looking for models</source>
        <translation>正在查找模型</translation>
    </message>
    <message>
        <source>Models found on this computer</source>
        <translation>在这台电脑上找到的模型</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1（%2，%3）</translation>
    </message>
    <message>
        <source>Ollama</source>
        <translation>Ollama</translation>
    </message>
    <message>
        <source>HuggingFace</source>
        <translation>HuggingFace</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Download address</source>
        <translation>下载地址</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Download Qwen3.5-0.8B</source>
        <translation>下载 Qwen3.5-0.8B</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>下载进度</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <source>Close the model setup</source>
        <translation>关闭模型设置</translation>
    </message>
</context>
<context>
    <name>OpenAiProtocol</name>
    <message>
        <source>an array</source>
        <translation>数组</translation>
    </message>
    <message>
        <source>Invalid &apos;messages&apos;: empty array. Send at least one message.</source>
        <translation>&apos;messages&apos; 无效：数组为空。请至少发送一条消息。</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>Messages with role &apos;function&apos; are deprecated and not supported; use &apos;tool&apos; messages.</source>
        <translation>角色为 &apos;function&apos; 的消息已弃用且不受支持；请使用 &apos;tool&apos; 消息。</translation>
    </message>
    <message>
        <source>Invalid value for &apos;%1.role&apos;: &apos;%2&apos;. Supported values are &apos;system&apos;, &apos;developer&apos;, &apos;user&apos;, &apos;assistant&apos; and &apos;tool&apos;.</source>
        <translation>&apos;%1.role&apos; 的值 &apos;%2&apos; 无效。支持的值为 &apos;system&apos;、&apos;developer&apos;、&apos;user&apos;、&apos;assistant&apos; 和 &apos;tool&apos;。</translation>
    </message>
    <message>
        <source>Invalid &apos;%1.type&apos;: only &quot;function&quot; tool calls are supported.</source>
        <translation>&apos;%1.type&apos; 无效：只支持 &quot;function&quot; 工具调用。</translation>
    </message>
    <message>
        <source>Invalid &apos;%1.function.name&apos;: expected a non-empty string.</source>
        <translation>&apos;%1.function.name&apos; 无效：应为非空字符串。</translation>
    </message>
    <message>
        <source>a string holding a JSON object</source>
        <translation>包含 JSON 对象的字符串</translation>
    </message>
    <message>
        <source>Invalid &apos;%1&apos;: the arguments must be the JSON text of an object, as in &quot;{\&quot;city\&quot;: \&quot;Paris\&quot;}&quot;.</source>
        <translation>&apos;%1&apos; 无效：参数必须是对象的 JSON 文本，例如 &quot;{\&quot;city\&quot;: \&quot;Paris\&quot;}&quot;。</translation>
    </message>
    <message>
        <source>a string or an array of content parts</source>
        <translation>字符串或内容部分数组</translation>
    </message>
    <message>
        <source>Content parts of type &apos;%1&apos; are not supported; Lectern reads &apos;text&apos; and &apos;image_url&apos; parts.</source>
        <translation>不支持类型为 &apos;%1&apos; 的内容部分；Lectern 读取 &apos;text&apos; 和 &apos;image_url&apos; 部分。</translation>
    </message>
    <message>
        <source>Pictures can only be sent in user messages.</source>
        <translation>图片只能在用户消息中发送。</translation>
    </message>
    <message>
        <source>The loaded model %1 cannot see images; load a model with a vision encoder (mmproj).</source>
        <translation>已加载的模型 %1 无法查看图片；请加载带视觉编码器（mmproj）的模型。</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>above %1 and at most %2</source>
        <translation>大于 %1 且不超过 %2 的</translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation>从 %1 到 %2 的</translation>
    </message>
    <message>
        <source>Invalid &apos;%1&apos;: expected a value %2, but got %3 instead.</source>
        <translation>&apos;%1&apos; 无效：应为%2值，但收到的是 %3。</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>The model &apos;%1&apos; does not exist: this server has the model &apos;%2&apos; loaded. Send &quot;model&quot;: &quot;%2&quot; or leave it out.</source>
        <translation>模型 &apos;%1&apos; 不存在：此服务器加载的是模型 &apos;%2&apos;。请发送 &quot;model&quot;: &quot;%2&quot; 或省略该字段。</translation>
    </message>
    <message>
        <source>Only one choice per request is supported (&apos;n&apos; must be 1); send several requests instead.</source>
        <translation>每个请求只支持一个候选（&apos;n&apos; 必须为 1）；请改为发送多个请求。</translation>
    </message>
    <message>
        <source>Stop sequences are not supported; leave out &apos;stop&apos; and cut the answer yourself.</source>
        <translation>不支持停止序列；请省略 &apos;stop&apos;，自行截断回答。</translation>
    </message>
    <message>
        <source>Log probabilities are not supported; leave out &apos;logprobs&apos;.</source>
        <translation>不支持对数概率；请省略 &apos;logprobs&apos;。</translation>
    </message>
    <message>
        <source>Log probabilities are not supported; leave out &apos;top_logprobs&apos;.</source>
        <translation>不支持对数概率；请省略 &apos;top_logprobs&apos;。</translation>
    </message>
    <message>
        <source>&apos;logit_bias&apos; is not supported; leave it out.</source>
        <translation>不支持 &apos;logit_bias&apos;；请省略它。</translation>
    </message>
    <message>
        <source>&apos;frequency_penalty&apos; is not supported; use &apos;presence_penalty&apos; or &apos;repetition_penalty&apos; instead.</source>
        <translation>不支持 &apos;frequency_penalty&apos;；请改用 &apos;presence_penalty&apos; 或 &apos;repetition_penalty&apos;。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is deprecated and not supported; use &apos;tools&apos; instead.</source>
        <translation>&apos;%1&apos; 已弃用且不受支持；请改用 &apos;tools&apos;。</translation>
    </message>
    <message>
        <source>Audio output is not supported; leave out &apos;audio&apos;.</source>
        <translation>不支持音频输出；请省略 &apos;audio&apos;。</translation>
    </message>
    <message>
        <source>Only text output is supported (&apos;modalities&apos;: [&quot;text&quot;]).</source>
        <translation>只支持文本输出（&apos;modalities&apos;: [&quot;text&quot;]）。</translation>
    </message>
    <message>
        <source>&apos;stream_options&apos; is only allowed when &apos;stream&apos; is true.</source>
        <translation>只有当 &apos;stream&apos; 为 true 时才允许 &apos;stream_options&apos;。</translation>
    </message>
    <message>
        <source>&apos;enable_thinking&apos; and &apos;chat_template_kwargs.enable_thinking&apos; disagree; send one of them.</source>
        <translation>&apos;enable_thinking&apos; 与 &apos;chat_template_kwargs.enable_thinking&apos; 不一致；请只发送其中一个。</translation>
    </message>
    <message>
        <source>Invalid &apos;top_k&apos;: expected -1 or 0 (off) or a positive integer, but got %1.</source>
        <translation>&apos;top_k&apos; 无效：应为 -1 或 0（关闭）或正整数，但收到的是 %1。</translation>
    </message>
    <message>
        <source>Invalid &apos;seed&apos;: expected a non-negative integer, but got %1.</source>
        <translation>&apos;seed&apos; 无效：应为非负整数，但收到的是 %1。</translation>
    </message>
    <message>
        <source>Invalid &apos;%1&apos;: expected a positive integer, but got %2.</source>
        <translation>&apos;%1&apos; 无效：应为正整数，但收到的是 %2。</translation>
    </message>
    <message>
        <source>response_format {&quot;type&quot;: &quot;json_object&quot;} is not supported: Lectern&apos;s constrained decoding writes only the properties a schema names. Send {&quot;type&quot;: &quot;json_schema&quot;, &quot;json_schema&quot;: {&quot;name&quot;: ..., &quot;schema&quot;: {&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {...}}}} instead.</source>
        <translation>不支持 response_format {&quot;type&quot;: &quot;json_object&quot;}：Lectern 的约束解码只写出架构中列出的属性。请改为发送 {&quot;type&quot;: &quot;json_schema&quot;, &quot;json_schema&quot;: {&quot;name&quot;: ..., &quot;schema&quot;: {&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {...}}}}。</translation>
    </message>
    <message>
        <source>Invalid value for &apos;response_format.type&apos;: &apos;%1&apos;. Supported values are &apos;text&apos; and &apos;json_schema&apos;.</source>
        <translation>&apos;response_format.type&apos; 的值 &apos;%1&apos; 无效。支持的值为 &apos;text&apos; 和 &apos;json_schema&apos;。</translation>
    </message>
    <message>
        <source>The JSON schema cannot be used for constrained decoding: %1</source>
        <translation>该 JSON 架构无法用于约束解码：%1</translation>
    </message>
    <message>
        <source>A &apos;tool_choice&apos; that names or forces a function is not supported; use &quot;auto&quot; or &quot;none&quot;.</source>
        <translation>不支持指定或强制某个函数的 &apos;tool_choice&apos;；请使用 &quot;auto&quot; 或 &quot;none&quot;。</translation>
    </message>
    <message>
        <source>tool_choice &quot;required&quot; is not supported; use &quot;auto&quot; or &quot;none&quot;.</source>
        <translation>不支持 tool_choice &quot;required&quot;；请使用 &quot;auto&quot; 或 &quot;none&quot;。</translation>
    </message>
    <message>
        <source>Invalid value for &apos;tool_choice&apos;: &apos;%1&apos;. Supported values are &apos;auto&apos; and &apos;none&apos;.</source>
        <translation>&apos;tool_choice&apos; 的值 &apos;%1&apos; 无效。支持的值为 &apos;auto&apos; 和 &apos;none&apos;。</translation>
    </message>
    <message>
        <source>Invalid &apos;%1.type&apos;: only &quot;function&quot; tools are supported.</source>
        <translation>&apos;%1.type&apos; 无效：只支持 &quot;function&quot; 工具。</translation>
    </message>
    <message>
        <source>The conversation cannot be written in the model&apos;s chat template: %1</source>
        <translation>无法用模型的聊天模板写出该对话：%1</translation>
    </message>
    <message>
        <source>The JSON body is nested more than %1 levels deep; send a flatter request.</source>
        <translation>JSON 正文的嵌套超过 %1 层；请发送更扁平的请求。</translation>
    </message>
    <message>
        <source>We could not parse the JSON body of your request: %1. Send a JSON object in UTF-8.</source>
        <translation>无法解析请求的 JSON 正文：%1。请发送 UTF-8 编码的 JSON 对象。</translation>
    </message>
    <message>
        <source>We could not parse the JSON body of your request: %1</source>
        <translation>无法解析请求的 JSON 正文：%1</translation>
    </message>
    <message>
        <source>The request body must be a JSON object, but it is %1.</source>
        <translation>请求正文必须是 JSON 对象，但它是%1。</translation>
    </message>
    <message>
        <source>The request could not be read: %1</source>
        <translation>无法读取请求：%1</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>an unknown value</source>
        <translation>未知值</translation>
    </message>
    <message>
        <source>Invalid type for &apos;%1&apos;: expected %2, but got %3 instead.</source>
        <translation>&apos;%1&apos; 的类型无效：应为%2，但收到的是%3。</translation>
    </message>
    <message>
        <source>Missing required parameter: &apos;%1&apos;.</source>
        <translation>缺少必需参数：&apos;%1&apos;。</translation>
    </message>
</context>
<context>
    <name>PageRange</name>
    <message>
        <source>The page range &quot;%1&quot; is not valid: &quot;%2&quot; is not a page number. Use numbers and ranges such as 1-5, 8, 10-.</source>
        <translation>页面范围“%1”无效：“%2”不是页码。请使用数字和范围，例如 1-5, 8, 10-。</translation>
    </message>
    <message>
        <source>The page range &quot;%1&quot; is not valid: &quot;%2&quot; is not a range. Use numbers and ranges such as 1-5, 8, 10-.</source>
        <translation>页面范围“%1”无效：“%2”不是范围。请使用数字和范围，例如 1-5, 8, 10-。</translation>
    </message>
    <message>
        <source>The page range &quot;%1&quot; is not valid: %2 runs backwards.</source>
        <translation>页面范围“%1”无效：%2 是倒序的。</translation>
    </message>
    <message numerus="yes">
        <source>The page range &quot;%1&quot; asks for page %2, but the document has only %n page(s).</source>
        <translation>
            <numerusform>页面范围“%1”要求第 %2 页，但文档只有 %n 页。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfImporter</name>
    <message>
        <source>There is no page image %1 in this document.</source>
        <translation>此文档中没有页面图像 %1。</translation>
    </message>
    <message>
        <source>The PDF %1 could not be opened again to render a page; it may have been moved or changed.</source>
        <translation>无法重新打开 PDF %1 来渲染页面；它可能已被移动或更改。</translation>
    </message>
    <message>
        <source>Page %1 of the PDF could not be read.</source>
        <translation>无法读取 PDF 的第 %1 页。</translation>
    </message>
    <message>
        <source>Page %1 of the PDF could not be rendered.</source>
        <translation>无法渲染 PDF 的第 %1 页。</translation>
    </message>
    <message>
        <source>Opening PDF</source>
        <translation>正在打开 PDF</translation>
    </message>
    <message>
        <source>The PDF is damaged or incomplete and could not be opened. If it was downloaded, try downloading it again.</source>
        <translation>PDF 已损坏或不完整，无法打开。如果是下载的文件，请重新下载。</translation>
    </message>
    <message>
        <source>This PDF is protected by a password. Enter the password to import it.</source>
        <translation>此 PDF 受密码保护。请输入密码以导入。</translation>
    </message>
    <message>
        <source>The password is not correct for this PDF. Check it and try again.</source>
        <translation>此 PDF 的密码不正确。请检查后重试。</translation>
    </message>
    <message>
        <source>The PDF has no pages.</source>
        <translation>PDF 没有页面。</translation>
    </message>
    <message>
        <source>Only %1 of the %2 selected pages were imported (pages %3 to %4). Choose a page range to import the others.</source>
        <translation>所选的 %2 页中只导入了 %1 页（第 %3 页到第 %4 页）。请选择页面范围以导入其余页面。</translation>
    </message>
    <message>
        <source>Reading page %1 of %2</source>
        <translation>正在读取第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>None of the PDF&apos;s pages could be read; the file is damaged.</source>
        <translation>PDF 的所有页面都无法读取；文件已损坏。</translation>
    </message>
    <message>
        <source>Some pages could not be read and were skipped: %1.</source>
        <translation>部分页面无法读取，已跳过：%1。</translation>
    </message>
    <message>
        <source>Pages without usable text are sent as images: %1.</source>
        <translation>没有可用文本的页面将作为图像发送：%1。</translation>
    </message>
    <message>
        <source>The PDF has no usable text layer (it may be scanned); all pages are sent as images.</source>
        <translation>PDF 没有可用的文本层（可能是扫描件）；所有页面都将作为图像发送。</translation>
    </message>
    <message>
        <source>PDF read</source>
        <translation>PDF 已读取</translation>
    </message>
</context>
<context>
    <name>PromptBuilder</name>
    <message>
        <source>%1 is an image. The loaded model cannot see images (it has no vision encoder: load its mmproj file): the file is kept with the conversation, but the answer does not use it.</source>
        <translation>%1 是图片。已加载的模型无法查看图片（它没有视觉编码器：请加载其 mmproj 文件）：文件会随对话保存，但回答不会使用它。</translation>
    </message>
    <message>
        <source>%1 is a video. The loaded model cannot see videos (it has no vision encoder: load its mmproj file): the file is kept with the conversation, but the answer does not use it.</source>
        <translation>%1 是视频。已加载的模型无法查看视频（它没有视觉编码器：请加载其 mmproj 文件）：文件会随对话保存，但回答不会使用它。</translation>
    </message>
    <message>
        <source>%1 has no text the model can read, and the loaded model cannot see page images (it has no vision encoder); the answer does not use it.</source>
        <translation>%1 没有模型可读取的文本，而已加载的模型无法查看页面图像（它没有视觉编码器）；回答不会使用它。</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) of %1 have no text layer and are left out: the loaded model cannot see page images (it has no vision encoder).</source>
        <translation>
            <numerusform>%1 中有 %n 页没有文本层，已略过：已加载的模型无法查看页面图像（它没有视觉编码器）。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no decodable pictures; the answer does not use it.</source>
        <translation>%1 没有可解码的图像；回答不会使用它。</translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>The %1 of %2 cannot be sent to the model (%3); the answer does not use it.</source>
        <translation>%2 的%1无法发送给模型（%3）；回答不会使用它。</translation>
    </message>
    <message>
        <source>its aspect ratio is above 200:1</source>
        <translation>其宽高比超过 200:1</translation>
    </message>
    <message>
        <source>Frame %1 of %2 cannot be decoded (%3); it is left out.</source>
        <translation>无法解码 %2 的第 %1 帧（%3）；已略过。</translation>
    </message>
    <message>
        <source>The frames of %1 cannot be sent to the model (aspect ratio above 200:1); the answer does not use them.</source>
        <translation>%1 的帧无法发送给模型（宽高比超过 200:1）；回答不会使用它们。</translation>
    </message>
    <message>
        <source>video</source>
        <translation>视频</translation>
    </message>
</context>
<context>
    <name>ReasoningBlock</name>
    <message numerus="yes">
        <source>Thought for %n s</source>
        <translation>
            <numerusform>思考了 %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>正在思考…</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>推理</translation>
    </message>
    <message>
        <source>Hide the reasoning</source>
        <translation>隐藏推理过程</translation>
    </message>
    <message>
        <source>Show the reasoning</source>
        <translation>显示推理过程</translation>
    </message>
</context>
<context>
    <name>SamplingPanel</name>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>Presence penalty</source>
        <translation>存在惩罚</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>最大词元数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Advanced sampling</source>
        <translation>高级采样</translation>
    </message>
    <message>
        <source>Empty fields follow the model card (thinking or not, text or images).</source>
        <translation>留空的字段遵循模型卡（是否思考、文本或图像）。</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Use the model card&apos;s values</source>
        <translation>使用模型卡中的值</translation>
    </message>
</context>
<context>
    <name>ServeCommand</name>
    <message>
        <source>&apos;%1&apos; is not an option; serve takes only options.</source>
        <translation>&apos;%1&apos; 不是选项；serve 只接受选项。</translation>
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
        <translation>用法：
  lectern serve [--model 模型] [--mmproj 文件] [--device auto|cpu|vulkan] [--context N]
                [--host 127.0.0.1] [--port 8080] [--api-key 密钥] [--max-body-mb N] [--max-queue N]
                [--no-file-paths]

不打开窗口，通过本地 OpenAI 兼容 API 提供模型：
GET /health、GET /v1/models 和 POST /v1/chat/completions（使用 server-sent events 流式传输，
图片可用 data: URL 或文件路径，用 &quot;enable_thinking&quot; 开启思考，&quot;response_format&quot; 中的
JSON 架构，工具调用）。请求由唯一的模型依次回答。
不会在 Lectern 的对话中保存任何内容。

开始提供服务后，它会向标准输出写入 &quot;Lectern API server listening on http://HOST:PORT (model NAME)&quot;；
每个请求向标准错误输出写一行。Ctrl+C（SIGINT）或 SIGTERM 可停止它。

  --model 模型         .gguf 文件或 HuggingFace 模型文件夹（默认：Lectern 设置中选择的模型）
  --mmproj 文件        视觉投影器 GGUF（默认：在模型旁边找到的文件）
  --device 设备        auto（可用时使用 Vulkan）、cpu 或 vulkan（默认：设置中的选择）
  --context N        每个请求的上下文长度（词元数，默认：设置中的选择，否则为 8192）
  --host 地址          监听的地址（默认 127.0.0.1：仅本机）
  --port N           端口（默认 8080；0 表示选择一个空闲端口）
  --api-key 密钥       客户端必须发送 &quot;Authorization: Bearer 密钥&quot;（默认：环境变量 LECTERN_API_KEY；
                     未设置时不需要密钥）
  --max-body-mb N    更大的请求正文将以 413 拒绝（默认 64）
  --max-queue N      运行或等待中的请求超过 N 时以 429 拒绝（默认 16）
  --no-file-paths    图片只能用 data: URL：拒绝指向本地文件的 image_url 部分

退出状态：被信号停止时为 0，无法加载模型或无法绑定端口时为 1，用法错误时为 2。
</translation>
    </message>
    <message>
        <source>no model is chosen. Give a .gguf file or a model folder with --model, or choose one in Lectern&apos;s settings.</source>
        <translation>未选择模型。请用 --model 指定 .gguf 文件或模型文件夹，或在 Lectern 的设置中选择一个。</translation>
    </message>
    <message>
        <source>the model %1 does not exist. Give a .gguf file or a model folder with --model.</source>
        <translation>模型 %1 不存在。请用 --model 指定 .gguf 文件或模型文件夹。</translation>
    </message>
    <message>
        <source>warning: listening on %1 without an API key: anyone who can reach this computer can use the model. Set --api-key or LECTERN_API_KEY.</source>
        <translation>警告：正在无 API 密钥地监听 %1：任何能访问本机的人都能使用该模型。请设置 --api-key 或 LECTERN_API_KEY。</translation>
    </message>
    <message>
        <source>the vision projector %1 does not exist. Give an mmproj .gguf file with --mmproj.</source>
        <translation>视觉投影器 %1 不存在。请用 --mmproj 指定 mmproj .gguf 文件。</translation>
    </message>
    <message>
        <source>cannot create a temporary folder: %1</source>
        <translation>无法创建临时文件夹：%1</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>注意：%1</translation>
    </message>
    <message>
        <source>cannot set up the signal handling.</source>
        <translation>无法设置信号处理。</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>正在停止</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Choose a GGUF model file</source>
        <translation>选择 GGUF 模型文件</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 模型 (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose a HuggingFace model folder</source>
        <translation>选择 HuggingFace 模型文件夹</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>No model chosen</source>
        <translation>未选择模型</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Automatic (GPU when available)</source>
        <translation>自动（可用时使用 GPU）</translation>
    </message>
    <message>
        <source>GPU (Vulkan)</source>
        <translation>GPU (Vulkan)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Context size</source>
        <translation>上下文大小</translation>
    </message>
    <message>
        <source>Limit to</source>
        <translation>限制为</translation>
    </message>
    <message>
        <source>Limit the context size</source>
        <translation>限制上下文大小</translation>
    </message>
    <message>
        <source>Context size in tokens</source>
        <translation>上下文大小（词元）</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>词元</translation>
    </message>
    <message>
        <source>KV cache</source>
        <translation>KV 缓存</translation>
    </message>
    <message>
        <source>16-bit (best quality)</source>
        <translation>16 位（最佳质量）</translation>
    </message>
    <message>
        <source>8-bit (half the memory)</source>
        <translation>8 位（内存减半）</translation>
    </message>
    <message>
        <source>KV cache precision</source>
        <translation>KV 缓存精度</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Like the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language is used after Lectern restarts.</source>
        <translation>新语言将在 Lectern 重启后生效。</translation>
    </message>
    <message>
        <source>Use the largest that fits: %1 tokens</source>
        <translation>使用能容纳的最大值：%1 个词元</translation>
    </message>
    <message>
        <source>Image resolution</source>
        <translation>图像分辨率</translation>
    </message>
    <message>
        <source>Full (up to 16,384 tokens per picture)</source>
        <translation>完整（每张图片最多 16,384 个词元）</translation>
    </message>
    <message>
        <source>High (up to 4,096 tokens per picture)</source>
        <translation>高（每张图片最多 4,096 个词元）</translation>
    </message>
    <message>
        <source>Medium (up to 1,024 tokens per picture)</source>
        <translation>中（每张图片最多 1,024 个词元）</translation>
    </message>
    <message>
        <source>Low (up to 256 tokens per picture)</source>
        <translation>低（每张图片最多 256 个词元）</translation>
    </message>
    <message>
        <source>Image resolution: the most vision tokens one picture or page image may take</source>
        <translation>图像分辨率：一张图片或页面图像最多可占用的视觉词元数</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Video frames per second</source>
        <translation>每秒视频帧数</translation>
    </message>
    <message>
        <source>frames per second, at most</source>
        <translation>帧/秒（最多）</translation>
    </message>
    <message>
        <source>Most frames sampled from one video</source>
        <translation>从一个视频中采样的最多帧数</translation>
    </message>
    <message>
        <source>frames</source>
        <translation>帧</translation>
    </message>
    <message>
        <source>Automatic (the largest that fits the context)</source>
        <translation>自动（能放入上下文的最大分辨率）</translation>
    </message>
    <message>
        <source>Local API server</source>
        <translation>本地 API 服务器</translation>
    </message>
    <message>
        <source>Serve the model to other apps on this computer (OpenAI-compatible API)</source>
        <translation>向本机上的其他应用提供模型（OpenAI 兼容 API）</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>API server port</source>
        <translation>API 服务器端口</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>None: every app on this computer may connect</source>
        <translation>无：本机上的任何应用都可以连接</translation>
    </message>
    <message>
        <source>API key that clients must send</source>
        <translation>客户端必须发送的 API 密钥</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Hide the API key</source>
        <translation>隐藏 API 密钥</translation>
    </message>
    <message>
        <source>Show the API key</source>
        <translation>显示 API 密钥</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Generate a random API key</source>
        <translation>生成随机 API 密钥</translation>
    </message>
    <message>
        <source>An API key cannot contain spaces or characters outside ASCII.</source>
        <translation>API 密钥不能包含空格或 ASCII 以外的字符。</translation>
    </message>
    <message>
        <source>Clients send it as &quot;Authorization: Bearer &lt;key&gt;&quot;. It is stored in plain text in %1.</source>
        <translation>客户端以“Authorization: Bearer &lt;key&gt;”发送它。它以明文保存在 %1 中。</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>基础 URL</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the base URL</source>
        <translation>复制基础 URL</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Start the API server again</source>
        <translation>再次启动 API 服务器</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>New chat</source>
        <translation>新建对话</translation>
    </message>
    <message>
        <source>New chat (Ctrl+N)</source>
        <translation>新建对话 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>搜索对话</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>No conversation mentions that</source>
        <translation>没有对话提到这一点</translation>
    </message>
    <message>
        <source>No conversations yet</source>
        <translation>还没有对话</translation>
    </message>
    <message>
        <source>Conversation deleted</source>
        <translation>对话已删除</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo deleting the conversation</source>
        <translation>撤销删除对话</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Model: %1</source>
        <translation>模型：%1</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <source>No model chosen</source>
        <translation>未选择模型</translation>
    </message>
    <message>
        <source>Device: CPU</source>
        <translation>设备：CPU</translation>
    </message>
    <message>
        <source>Device: GPU (Vulkan)</source>
        <translation>设备：GPU (Vulkan)</translation>
    </message>
    <message>
        <source>Device: automatic</source>
        <translation>设备：自动</translation>
    </message>
    <message>
        <source>CPU (lavapipe)</source>
        <translation>CPU (lavapipe)</translation>
    </message>
    <message>
        <source>Vulkan</source>
        <translation>Vulkan</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>%1 of %2 GiB</source>
        <translation>%1 / %2 GiB</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>Using the CPU: no Vulkan GPU was found</source>
        <translation>正在使用 CPU：未找到 Vulkan GPU</translation>
    </message>
    <message>
        <source>Using the CPU: %1</source>
        <translation>正在使用 CPU：%1</translation>
    </message>
    <message>
        <source>Backend: %1</source>
        <translation>后端：%1</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>设备：%1</translation>
    </message>
    <message>
        <source>Memory: %1</source>
        <translation>内存：%1</translation>
    </message>
    <message>
        <source>Context: %1 tokens (up to %2 fit)</source>
        <translation>上下文：%1 个词元（最多可容纳 %2 个）</translation>
    </message>
    <message>
        <source>KV cache: %1</source>
        <translation>KV 缓存：%1</translation>
    </message>
    <message>
        <source>Why the CPU: %1</source>
        <translation>使用 CPU 的原因：%1</translation>
    </message>
    <message>
        <source>%1. Open the API server settings</source>
        <translation>%1。打开 API 服务器设置</translation>
    </message>
</context>
<context>
    <name>StreamingImageDecoder</name>
    <message>
        <source>The image file could not be opened.</source>
        <translation>无法打开图片文件。</translation>
    </message>
    <message>
        <source>This kind of BMP file cannot be decoded at reduced size; save it as PNG or JPEG, or make it smaller.</source>
        <translation>这种 BMP 文件无法以缩小尺寸解码；请将其另存为 PNG 或 JPEG，或缩小图片。</translation>
    </message>
    <message>
        <source>This kind of BMP file (compressed) cannot be decoded at reduced size; save it as PNG or JPEG, or make it smaller.</source>
        <translation>这种（压缩的）BMP 文件无法以缩小尺寸解码；请将其另存为 PNG 或 JPEG，或缩小图片。</translation>
    </message>
    <message>
        <source>Lectern cannot decode %1 images at reduced size.</source>
        <translation>Lectern 无法以缩小尺寸解码 %1 图片。</translation>
    </message>
    <message>
        <source>The image is damaged or incomplete and could not be decoded (%1).</source>
        <translation>图片已损坏或不完整，无法解码（%1）。</translation>
    </message>
    <message>
        <source>The image file could not be read: %1</source>
        <translation>无法读取图片文件：%1</translation>
    </message>
    <message>
        <source>Not enough memory to decode the image.</source>
        <translation>内存不足，无法解码图片。</translation>
    </message>
</context>
<context>
    <name>TextImporter</name>
    <message>
        <source>Reading text</source>
        <translation>正在读取文本</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>The text file grew past the size limit while it was read.</source>
        <translation>读取过程中文本文件超出了大小上限。</translation>
    </message>
    <message>
        <source>The file is not valid UTF-8; it was read as Latin-1 (ISO-8859-1). If characters look wrong, save it as UTF-8 and import it again.</source>
        <translation>文件不是有效的 UTF-8；已按 Latin-1 (ISO-8859-1) 读取。如果字符显示不正确，请将其另存为 UTF-8 后重新导入。</translation>
    </message>
    <message>
        <source>The file contains byte sequences that are invalid in %1; they were replaced.</source>
        <translation>文件包含在 %1 中无效的字节序列；已被替换。</translation>
    </message>
    <message>
        <source>The HTML file is %1 MiB; Lectern reads HTML files up to %2 MiB. Save the page as plain text to import it.</source>
        <translation>该 HTML 文件大小为 %1 MiB；Lectern 可读取最大 %2 MiB 的 HTML 文件。请将网页另存为纯文本后再导入。</translation>
    </message>
    <message>
        <source>Extracting text from HTML</source>
        <translation>正在从 HTML 中提取文本</translation>
    </message>
    <message>
        <source>The file is not valid JSON (%1 at character %2); it is used as plain text.</source>
        <translation>文件不是有效的 JSON（第 %2 个字符处：%1）；将作为纯文本使用。</translation>
    </message>
    <message>
        <source>The file contains no text.</source>
        <translation>文件不包含文本。</translation>
    </message>
    <message>
        <source>Text read</source>
        <translation>文本已读取</translation>
    </message>
</context>
<context>
    <name>VideoImporter</name>
    <message>
        <source>There is no sampled frame %1 in this video.</source>
        <translation>此视频中没有采样帧 %1。</translation>
    </message>
    <message>
        <source>The video could not be opened again to decode a frame.</source>
        <translation>无法重新打开视频来解码帧。</translation>
    </message>
    <message>
        <source>Opening video</source>
        <translation>正在打开视频</translation>
    </message>
    <message>
        <source>The video stream has no valid frame size; the file is damaged.</source>
        <translation>视频流没有有效的帧尺寸；文件已损坏。</translation>
    </message>
    <message>
        <source>The video frames are %1 x %2 pixels; Lectern reads videos up to %3 pixels per side.</source>
        <translation>视频帧为 %1 × %2 像素；Lectern 可读取每边最多 %3 像素的视频。</translation>
    </message>
    <message>
        <source>The video claims to last %1 s; Lectern reads videos up to %2 s. Cut it into shorter clips.</source>
        <translation>视频声称时长为 %1 秒；Lectern 可读取最长 %2 秒的视频。请将其剪成更短的片段。</translation>
    </message>
    <message>
        <source>Reading frame timestamps</source>
        <translation>正在读取帧时间戳</translation>
    </message>
    <message>
        <source>The video stream contains no frames.</source>
        <translation>视频流不包含任何帧。</translation>
    </message>
    <message>
        <source>The video is long: %1 frames spread evenly over it were sampled (the frame budget), fewer than %2 per second.</source>
        <translation>视频较长：在全片均匀采样了 %1 帧（帧数预算），少于每秒 %2 帧。</translation>
    </message>
    <message>
        <source>Decoding a test frame</source>
        <translation>正在解码测试帧</translation>
    </message>
    <message>
        <source>The video&apos;s frames could not be decoded; the file is damaged. %1</source>
        <translation>无法解码视频帧；文件已损坏。%1</translation>
    </message>
    <message>
        <source>Video read</source>
        <translation>视频已读取</translation>
    </message>
</context>
<context>
    <name>VideoReader</name>
    <message>
        <source>Not enough memory to open the video.</source>
        <translation>内存不足，无法打开视频。</translation>
    </message>
    <message>
        <source>The video file is damaged, incomplete or in a container Lectern does not read (%1). MP4, WebM, Matroska, QuickTime and AVI files are supported.</source>
        <translation>视频文件已损坏、不完整，或使用了 Lectern 无法读取的容器格式（%1）。支持 MP4、WebM、Matroska、QuickTime 和 AVI 文件。</translation>
    </message>
    <message>
        <source>The video&apos;s streams could not be read; the file is damaged (%1).</source>
        <translation>无法读取视频的流；文件已损坏（%1）。</translation>
    </message>
    <message>
        <source>The file contains no video stream (it may be audio only). Lectern imports video files.</source>
        <translation>文件不包含视频流（可能只有音频）。Lectern 可导入视频文件。</translation>
    </message>
    <message>
        <source>The video stream has an invalid time base; the file is damaged.</source>
        <translation>视频流的时间基准无效；文件已损坏。</translation>
    </message>
    <message>
        <source>The video uses the %1 codec, which this installation cannot decode. Convert it to H.264 or VP9.</source>
        <translation>该视频使用 %1 编解码器，当前安装无法解码。请将其转换为 H.264 或 VP9。</translation>
    </message>
    <message>
        <source>Not enough memory to open the video decoder.</source>
        <translation>内存不足，无法打开视频解码器。</translation>
    </message>
    <message>
        <source>The %1 video decoder could not be started (%2).</source>
        <translation>无法启动 %1 视频解码器（%2）。</translation>
    </message>
    <message>
        <source>The video has more than %1 frames, more than Lectern reads from one file. Cut it into shorter clips.</source>
        <translation>视频超过 %1 帧，超出了 Lectern 从单个文件读取的上限。请将其剪成更短的片段。</translation>
    </message>
    <message>
        <source>A video frame could not be converted to an image.</source>
        <translation>无法将视频帧转换为图像。</translation>
    </message>
    <message>
        <source>Decoding was stopped.</source>
        <translation>解码已停止。</translation>
    </message>
    <message>
        <source>The video stream is damaged and could not be decoded (%1).</source>
        <translation>视频流已损坏，无法解码（%1）。</translation>
    </message>
    <message>
        <source>The video is not open.</source>
        <translation>视频未打开。</translation>
    </message>
    <message>
        <source>The frame at %1 s could not be decoded; the video may be truncated.</source>
        <translation>无法解码 %1 秒处的帧；视频可能被截断。</translation>
    </message>
</context>
<context>
    <name>lectern::app::ModelDownloader</name>
    <message>
        <source>The download address &quot;%1&quot; is not an http or https address. Correct it in Settings.</source>
        <translation>下载地址“%1”不是 http 或 https 地址。请在设置中更正。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Choose a folder you can write to.</source>
        <translation>无法写入 %1：%2。请选择一个你有写入权限的文件夹。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Free some disk space and start the download again.</source>
        <translation>无法写入 %1：%2。请释放一些磁盘空间，然后重新开始下载。</translation>
    </message>
    <message>
        <source>Download paused. Start it again to continue where it stopped.</source>
        <translation>下载已暂停。再次开始即可从中断处继续。</translation>
    </message>
    <message>
        <source>The server answered %1 %2 for %3. Check the download address in Settings.</source>
        <translation>服务器对 %3 返回了 %1 %2。请在设置中检查下载地址。</translation>
    </message>
    <message>
        <source>The download stopped after %1 bytes: %2. Start it again to resume.</source>
        <translation>下载在 %1 字节后停止：%2。再次开始即可继续。</translation>
    </message>
    <message>
        <source>The connection closed after %1 of %2 bytes. Start the download again to resume.</source>
        <translation>连接在 %1 / %2 字节时关闭。请重新开始下载以继续。</translation>
    </message>
    <message>
        <source>Cannot read the downloaded file %1 to check it.</source>
        <translation>无法读取已下载的文件 %1 来进行校验。</translation>
    </message>
    <message>
        <source>The downloaded file is damaged: its SHA-256 is %1, expected %2. It was deleted; download it again or check the address and checksum in Settings.</source>
        <translation>下载的文件已损坏：其 SHA-256 为 %1，应为 %2。文件已删除；请重新下载，或在设置中检查地址和校验和。</translation>
    </message>
    <message>
        <source>Cannot move the download to %1.</source>
        <translation>无法将下载的文件移动到 %1。</translation>
    </message>
</context>
<context>
    <name>lectern::chat</name>
    <message>
        <source>The request was cancelled before it started.</source>
        <translation>请求在开始前已被取消。</translation>
    </message>
    <message>
        <source>No model is loaded. Load a model in Lectern (or start `lectern serve` with --model) and send the request again.</source>
        <translation>未加载模型。请在 Lectern 中加载模型（或用 --model 启动 `lectern serve`），然后重新发送请求。</translation>
    </message>
    <message>
        <source>The request cannot be turned into a prompt: %1</source>
        <translation>无法将请求转换为提示词：%1</translation>
    </message>
    <message>
        <source>The messages take %1 tokens, but the model&apos;s context holds %2. Send fewer or shorter messages, or load the model with a longer context.</source>
        <translation>这些消息占用 %1 个词元，但模型的上下文只能容纳 %2 个。请发送更少或更短的消息，或以更长的上下文加载模型。</translation>
    </message>
    <message>
        <source>The model cannot answer this request: %1</source>
        <translation>模型无法回答此请求：%1</translation>
    </message>
</context>
<context>
    <name>lectern::chat::ChatService</name>
    <message>
        <source>The request was cancelled: Lectern is shutting down.</source>
        <translation>请求已取消：Lectern 正在关闭。</translation>
    </message>
</context>
<context>
    <name>lectern::chat::TurnRunner</name>
    <message>
        <source>Cannot load the model %1: %2</source>
        <translation>无法加载模型 %1：%2</translation>
    </message>
    <message>
        <source>Cannot start a session with the model %1: %2</source>
        <translation>无法用模型 %1 启动会话：%2</translation>
    </message>
    <message>
        <source>The question was cancelled before it was sent.</source>
        <translation>问题在发送前已取消。</translation>
    </message>
    <message>
        <source>No model is loaded. Load a model before asking.</source>
        <translation>尚未加载模型。请先加载模型再提问。</translation>
    </message>
    <message>
        <source>The question is empty. Type a question to ask.</source>
        <translation>问题为空。请输入问题。</translation>
    </message>
    <message>
        <source>Cannot open the database %1 for writing: %2</source>
        <translation>无法以写入方式打开数据库 %1：%2</translation>
    </message>
    <message>
        <source>There is no conversation %1 in %2. Leave out the conversation to start a new one.</source>
        <translation>%2 中没有对话 %1。不指定对话即可开始新对话。</translation>
    </message>
    <message>
        <source>%1 cannot be attached: %2</source>
        <translation>无法附加 %1：%2</translation>
    </message>
    <message>
        <source>Cannot build the prompt: %1</source>
        <translation>无法构建提示词：%1</translation>
    </message>
    <message>
        <source>The conversation and its attachments take %1 tokens, but the context holds %2. Attach less, start a new conversation or load the model with a longer context.</source>
        <translation>对话及其附件共占 %1 个词元，但上下文只能容纳 %2 个。请减少附件、开始新对话，或以更长的上下文加载模型。</translation>
    </message>
    <message>
        <source>Cannot save the question: %1</source>
        <translation>无法保存问题：%1</translation>
    </message>
    <message>
        <source>Cannot save the answer: %1</source>
        <translation>无法保存回答：%1</translation>
    </message>
    <message>
        <source>Generation failed: %1</source>
        <translation>生成失败：%1</translation>
    </message>
    <message>
        <source>Unknown KV cache precision &quot;%1&quot;: choose f16 or q8_0.</source>
        <translation>未知的 KV 缓存精度“%1”：请选择 f16 或 q8_0。</translation>
    </message>
    <message>
        <source>The image budget was not changed: %1</source>
        <translation>图像预算未更改：%1</translation>
    </message>
    <message>
        <source>No model is loaded, so the prompt cannot be estimated.</source>
        <translation>尚未加载模型，因此无法估算提示词。</translation>
    </message>
    <message>
        <source>Cannot estimate the prompt: %1</source>
        <translation>无法估算提示词：%1</translation>
    </message>
    <message numerus="yes">
        <source>The pictures of the %n earliest question(s) with pictures are left out: the whole conversation does not fit the context otherwise.</source>
        <translation>
            <numerusform>最早的 %n 个带图片的问题中的图片将被省略，否则整个对话无法放入上下文。</numerusform>
        </translation>
    </message>
    <message>
        <source>The pictures of earlier questions are sent at lower resolution so that the whole conversation fits the context.</source>
        <translation>之前问题中的图片将以较低分辨率发送，以便整个对话能放入上下文。</translation>
    </message>
    <message>
        <source>The pictures of %1 from an earlier question are not sent again: the file is gone or has changed since.</source>
        <translation>之前问题中 %1 的图片不会再次发送：该文件已不存在或已被更改。</translation>
    </message>
</context>
<context>
    <name>lectern::extract::ExtractionService</name>
    <message>
        <source>The database cannot be opened.</source>
        <translation>无法打开数据库。</translation>
    </message>
    <message>
        <source>Extraction job %1 is running.</source>
        <translation>提取任务 %1 正在运行。</translation>
    </message>
</context>
<context>
    <name>lectern::extract::ExtractionWorker</name>
    <message>
        <source>Cannot load the model %1: %2</source>
        <translation>无法加载模型 %1：%2</translation>
    </message>
    <message>
        <source>Cannot start a session with the model %1: %2</source>
        <translation>无法用模型 %1 启动会话：%2</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation>无法打开数据库 %1：%2</translation>
    </message>
    <message>
        <source>No model is loaded. Load a model before extracting.</source>
        <translation>尚未加载模型。请先加载模型再提取。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 has no text to extract from (image-only pages are not read yet).</source>
        <translation>%1 没有可提取的文本（暂不读取只有图像的页面）。</translation>
    </message>
    <message>
        <source>Extraction failed: %1</source>
        <translation>提取失败：%1</translation>
    </message>
    <message>
        <source>page %1: the answer is not complete JSON (%2); raise the token limit</source>
        <translation>第 %1 页：回答不是完整的 JSON（%2）；请提高词元上限</translation>
    </message>
</context>
<context>
    <name>lectern::server::ApiServer</name>
    <message>
        <source>Port %1 on %2 needs administrator rights. Choose a port above 1023.</source>
        <translation>%2 上的端口 %1 需要管理员权限。请选择大于 1023 的端口。</translation>
    </message>
    <message>
        <source>Cannot listen on %1 port %2: %3. Check that the address belongs to this computer (127.0.0.1 for this computer only).</source>
        <translation>无法在 %1 的端口 %2 上监听：%3。请检查该地址是否属于本机（仅本机请用 127.0.0.1）。</translation>
    </message>
    <message>
        <source>the address is not usable</source>
        <translation>该地址不可用</translation>
    </message>
    <message>
        <source>Port %1 on %2 is in use by another program. Choose another port, or stop the other program.</source>
        <translation>%2 上的端口 %1 已被另一个程序占用。请选择其他端口，或关闭该程序。</translation>
    </message>
</context>
<context>
    <name>lectern::ui</name>
    <message>
        <source>&apos;%1&apos; is not a value of type %2.</source>
        <translation>“%1”不是 %2 类型的值。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of: %2.</source>
        <translation>“%1”不是以下值之一：%2。</translation>
    </message>
</context>
<context>
    <name>lectern::ui::AppSettings</name>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
</context>
<context>
    <name>lectern::ui::AttachmentListModel</name>
    <message>
        <source>1 page</source>
        <translation>1 页</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 页</translation>
    </message>
    <message>
        <source>1 frame</source>
        <translation>1 帧</translation>
    </message>
    <message>
        <source>%1 frames</source>
        <translation>%1 帧</translation>
    </message>
    <message>
        <source>image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
</context>
<context>
    <name>lectern::ui::AttachmentResender</name>
    <message>
        <source>%1 has no stored text, so it is not sent again.</source>
        <translation>%1 没有已保存的文本，因此不会再次发送。</translation>
    </message>
    <message>
        <source>%1 has changed or is gone, and no text of it is stored, so it is not sent again.</source>
        <translation>%1 已被更改或不存在，且没有保存其文本，因此不会再次发送。</translation>
    </message>
    <message>
        <source>%1 has changed since it was sent, so it is not sent again. Attach it again to ask about the new version.</source>
        <translation>%1 在发送后已被更改，因此不会再次发送。如需询问新版本，请重新附加该文件。</translation>
    </message>
    <message>
        <source>%1 cannot be read again (%2), so it is not sent again.</source>
        <translation>无法再次读取 %1（%2），因此不会再次发送。</translation>
    </message>
</context>
<context>
    <name>lectern::ui::ChatController</name>
    <message>
        <source>No database is open, so no model can be used.</source>
        <translation>没有打开数据库，因此无法使用模型。</translation>
    </message>
    <message>
        <source>Cannot read the conversations: %1</source>
        <translation>无法读取对话列表：%1</translation>
    </message>
    <message>
        <source>Cannot read the conversation: %1</source>
        <translation>无法读取对话：%1</translation>
    </message>
    <message>
        <source>Cannot rename the conversation: %1</source>
        <translation>无法重命名对话：%1</translation>
    </message>
    <message>
        <source>Cannot delete the conversation: %1</source>
        <translation>无法删除对话：%1</translation>
    </message>
    <message>
        <source>Cannot save the thinking setting: %1</source>
        <translation>无法保存思考设置：%1</translation>
    </message>
    <message>
        <source>Cannot search: %1</source>
        <translation>无法搜索：%1</translation>
    </message>
    <message>
        <source>No database is open, so nothing can be asked or kept.</source>
        <translation>没有打开数据库，因此无法提问或保存任何内容。</translation>
    </message>
    <message>
        <source>Wait for the answer, or stop it, before asking again.</source>
        <translation>请等待回答完成或停止回答后再提问。</translation>
    </message>
    <message>
        <source>No model is loaded. Open a model before asking.</source>
        <translation>尚未加载模型。请先打开模型再提问。</translation>
    </message>
    <message>
        <source>Cannot remove the old answer: %1</source>
        <translation>无法删除旧的回答：%1</translation>
    </message>
</context>
<context>
    <name>lectern::ui::ExtractionController</name>
    <message>
        <source>The database cannot be opened, so the change cannot be kept.</source>
        <translation>无法打开数据库，因此无法保存更改。</translation>
    </message>
    <message>
        <source>There is no built-in template named &apos;%1&apos;.</source>
        <translation>没有名为“%1”的内置模板。</translation>
    </message>
    <message>
        <source>%1 is not a file that can be read.</source>
        <translation>%1 不是可读取的文件。</translation>
    </message>
    <message>
        <source>Extraction needs the database, which could not be opened.</source>
        <translation>提取需要数据库，但无法打开数据库。</translation>
    </message>
    <message>
        <source>Nothing to extract: add files first.</source>
        <translation>没有可提取的内容：请先添加文件。</translation>
    </message>
    <message>
        <source>Choose a model first (Settings → Model).</source>
        <translation>请先选择模型（设置 → 模型）。</translation>
    </message>
    <message>
        <source>The file of this record is not in the extraction queue, so it cannot be re-run.</source>
        <translation>此记录的文件不在提取队列中，因此无法重新运行。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot save the change: %1</source>
        <translation>无法保存更改：%1</translation>
    </message>
    <message>
        <source>Cannot queue the files: %1</source>
        <translation>无法将文件加入队列：%1</translation>
    </message>
    <message>
        <source>Extraction job %1 is running.</source>
        <translation>提取任务 %1 正在运行。</translation>
    </message>
</context>
<context>
    <name>lectern::ui::ExtractionRecordModel</name>
    <message>
        <source>Source file</source>
        <translation>源文件</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>lectern::ui::ModelSetup</name>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>The folder %1 has no config.json: choose a HuggingFace model folder.</source>
        <translation>文件夹 %1 中没有 config.json：请选择 HuggingFace 模型文件夹。</translation>
    </message>
    <message>
        <source>%1 is not a GGUF model file.</source>
        <translation>%1 不是 GGUF 模型文件。</translation>
    </message>
    <message>
        <source>%1 is a %2 model; Lectern runs Qwen3.5 models.</source>
        <translation>%1 是 %2 模型；Lectern 运行的是 Qwen3.5 模型。</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>lectern::ui::ServerController</name>
    <message>
        <source>API server starting…</source>
        <translation>API 服务器正在启动…</translation>
    </message>
    <message>
        <source>API server could not start</source>
        <translation>API 服务器无法启动</translation>
    </message>
    <message>
        <source>API: %1, %2</source>
        <translation>API：%1，%2</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) running</source>
        <translation>
            <numerusform>%n 个请求正在运行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n 个正在等待</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>API: %n request(s) running</source>
        <translation>
            <numerusform>API：%n 个请求正在运行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>API: %n request(s) waiting</source>
        <translation>
            <numerusform>API：%n 个请求正在等待</numerusform>
        </translation>
    </message>
    <message>
        <source>API server on :%1</source>
        <translation>API 服务器运行于 :%1</translation>
    </message>
    <message>
        <source>Not available: no database could be opened.</source>
        <translation>不可用：无法打开数据库。</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Could not start: %1</source>
        <translation>无法启动：%1</translation>
    </message>
    <message>
        <source>Listening on %1 · %2</source>
        <translation>正在监听 %1 · %2</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>正在监听 %1</translation>
    </message>
    <message>
        <source>The local API server could not start: %1</source>
        <translation>本地 API 服务器无法启动：%1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Conversations cannot be kept: %1</source>
        <translation>无法保存对话：%1</translation>
    </message>
    <message>
        <source>lectern: cannot draw the window: %1
If this computer has no working OpenGL driver, start Lectern with QT_QUICK_BACKEND=software.</source>
        <translation>lectern：无法绘制窗口：%1
如果这台电脑没有可用的 OpenGL 驱动，请使用 QT_QUICK_BACKEND=software 启动 Lectern。</translation>
    </message>
</context>
</TS>
