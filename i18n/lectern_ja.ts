<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Lectern</source>
        <translation>Lectern について</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>バージョン %1</translation>
    </message>
    <message>
        <source>Ask questions about your PDFs, images and videos with a Qwen3.5 model running on this computer.</source>
        <translation>このコンピューター上で動く Qwen3.5 モデルに、PDF・画像・動画について質問できます。</translation>
    </message>
    <message>
        <source>Compute devices</source>
        <translation>計算デバイス</translation>
    </message>
    <message>
        <source>Looking for devices…</source>
        <translation>デバイスを検索しています…</translation>
    </message>
    <message>
        <source>Built with</source>
        <translation>使用しているソフトウェア</translation>
    </message>
    <message>
        <source>%1 %2 — licence: %3</source>
        <translation>%1 %2 — ライセンス: %3</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Copy these details</source>
        <translation>この情報をコピー</translation>
    </message>
</context>
<context>
    <name>AboutInfo</name>
    <message>
        <source> — used by Lectern</source>
        <translation> — Lectern が使用中</translation>
    </message>
    <message>
        <source> — not usable: %1</source>
        <translation> — 使用不可: %1</translation>
    </message>
    <message>
        <source>No Vulkan device</source>
        <translation>Vulkan デバイスがありません</translation>
    </message>
    <message>
        <source>Compute devices:</source>
        <translation>計算デバイス:</translation>
    </message>
    <message>
        <source>Built with:</source>
        <translation>使用しているソフトウェア:</translation>
    </message>
</context>
<context>
    <name>ApiErrors</name>
    <message>
        <source>The HTTP request is malformed. Send a valid HTTP/1.1 request.</source>
        <translation>HTTP リクエストの形式が正しくありません。有効な HTTP/1.1 リクエストを送ってください。</translation>
    </message>
    <message>
        <source>There is no %1 here. This server answers GET /health, GET /v1/models and POST /v1/chat/completions.</source>
        <translation>ここに %1 はありません。このサーバーが応答するのは GET /health、GET /v1/models、POST /v1/chat/completions です。</translation>
    </message>
    <message>
        <source>The request body is larger than this server accepts (%1 MiB). Send smaller pictures or fewer messages, or raise the limit.</source>
        <translation>リクエスト本文がこのサーバーの上限（%1 MiB）を超えています。画像を小さくするかメッセージを減らすか、上限を引き上げてください。</translation>
    </message>
    <message>
        <source>The request failed with HTTP status %1.</source>
        <translation>リクエストは HTTP ステータス %1 で失敗しました。</translation>
    </message>
    <message>
        <source>The API key is not the one this server was started with. Send the right key as &quot;Authorization: Bearer &lt;key&gt;&quot;.</source>
        <translation>API キーがこのサーバーの起動時のものと違います。正しいキーを &quot;Authorization: Bearer &lt;key&gt;&quot; として送ってください。</translation>
    </message>
    <message>
        <source>This server needs an API key. Send it as the header &quot;Authorization: Bearer &lt;key&gt;&quot;.</source>
        <translation>このサーバーには API キーが必要です。ヘッダー &quot;Authorization: Bearer &lt;key&gt;&quot; で送ってください。</translation>
    </message>
    <message>
        <source>%1 does not take %2; use %3.</source>
        <translation>%1 は %2 を受け付けません。%3 を使ってください。</translation>
    </message>
    <message>
        <source>The server is busy with %1 requests (the most it queues). Retry once one has finished.</source>
        <translation>サーバーは %1 件のリクエストを処理中です（キューに入れられる上限です）。どれかが終わってから再試行してください。</translation>
    </message>
    <message>
        <source>No model is loaded. Load a model in Lectern (or start `lectern serve` with --model) and send the request again.</source>
        <translation>モデルが読み込まれていません。Lectern でモデルを読み込む（または --model を付けて `lectern serve` を起動する）と、リクエストをもう一度送れます。</translation>
    </message>
    <message>
        <source>The server is stopping. Send the request again once it is back.</source>
        <translation>サーバーを停止しています。再開したらリクエストをもう一度送ってください。</translation>
    </message>
    <message>
        <source>The server failed on this request (%1). Other requests are not affected; please report this.</source>
        <translation>このリクエストでサーバーが失敗しました（%1）。他のリクエストには影響しません。この問題を報告してください。</translation>
    </message>
    <message>
        <source>Generation failed: %1</source>
        <translation>生成に失敗しました: %1</translation>
    </message>
    <message>
        <source>The request was cancelled: the server is stopping.</source>
        <translation>リクエストはキャンセルされました: サーバーを停止しています。</translation>
    </message>
    <message>
        <source>The client closed the connection before the answer was ready; the completion was cancelled.</source>
        <translation>回答の準備ができる前にクライアントが接続を閉じたため、生成をキャンセルしました。</translation>
    </message>
</context>
<context>
    <name>AppHeader</name>
    <message>
        <source>Version %1</source>
        <translation>バージョン %1</translation>
    </message>
    <message>
        <source>Conversation: %1</source>
        <translation>会話: %1</translation>
    </message>
    <message>
        <source>About</source>
        <translation>情報</translation>
    </message>
    <message>
        <source>About Lectern</source>
        <translation>Lectern について</translation>
    </message>
    <message>
        <source>About Lectern (F1)</source>
        <translation>Lectern について (F1)</translation>
    </message>
    <message>
        <source>Extract</source>
        <translation>抽出</translation>
    </message>
    <message>
        <source>Extract data from files</source>
        <translation>ファイルからデータを抽出</translation>
    </message>
    <message>
        <source>Extract tables of data from files (Ctrl+E)</source>
        <translation>ファイルからデータの表を抽出 (Ctrl+E)</translation>
    </message>
</context>
<context>
    <name>AskCommand</name>
    <message>
        <source>--seed takes a whole number from 0 to 18446744073709551615, not &apos;%1&apos;.</source>
        <translation>--seed には 0 から 18446744073709551615 までの整数を指定してください（「%1」ではなく）。</translation>
    </message>
    <message>
        <source>--model is required.</source>
        <translation>--model は必須です。</translation>
    </message>
    <message>
        <source>no question given.</source>
        <translation>質問が指定されていません。</translation>
    </message>
    <message>
        <source>give the question as one argument (in quotes); &apos;%1&apos; is extra.</source>
        <translation>質問は 1 つの引数として（引用符で囲んで）指定してください。「%1」は余分です。</translation>
    </message>
    <message>
        <source>the question is empty.</source>
        <translation>質問が空です。</translation>
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
        <translation>使い方:
  lectern ask --model モデル [--mmproj ファイル] [--think] [--attach ファイル]... [--db パス] [--conversation ID]
              [--device auto|cpu|vulkan] [--max-tokens N] [--seed N] [--greedy] [--context N]
              &quot;質問&quot;

ウィンドウを開かずに 1 つの質問をします。インポート、プロンプト、エンジン、保存はウィンドウと同じ仕組みを使い、
やり取りをデータベースに保存します。

出力: 回答は標準出力に逐次出力されます。モデルの推論 (--think) は標準エラー出力に出力され、警告、統計、
最後に「conversation ID」の行も同様です。同じ会話で続けて質問するには、その ID を --conversation に渡してください。

  --model モデル       .gguf ファイルまたは HuggingFace のモデルフォルダー
  --think              思考モード: モデルが回答の前に推論します
  --mmproj ファイル    ビジョンプロジェクターの GGUF（既定: モデルフォルダー内のビジョンタワー、または
                       GGUF モデルの隣にある mmproj-&lt;モデル名&gt;.gguf）
  --attach ファイル    質問に使うファイル（複数指定可）: PDF とテキストファイルのテキスト。モデルにビジョン
                       エンコーダーがあれば、画像、スキャンされた PDF ページ、動画のフレームも使います
                       （ない場合はやり取りと一緒に保存され、警告が表示されます）
  --db パス            データベース（既定: %1）
  --conversation ID    この会話を続けます（履歴がもう一度送られます）
  --device デバイス    auto（使えれば Vulkan）、cpu、vulkan のいずれか（既定 auto）
  --max-tokens N       推論を含めて N トークン生成したら止めます
  --seed N             サンプリングのシード: 同じデバイスでは同じ質問に同じ回答を返します
  --greedy             常に最も確率の高いトークンを選びます（シードなしでも決定的）
  --context N          コンテキスト長（トークン、既定 8192）

終了ステータス: 回答が完了したか --max-tokens に達した場合は 0、エラーの場合は 1、使い方の誤りの場合は 2。
</translation>
    </message>
    <message>
        <source>the model %1 does not exist. Give a .gguf file or a model folder with --model.</source>
        <translation>モデル %1 は存在しません。--model で .gguf ファイルかモデルフォルダーを指定してください。</translation>
    </message>
    <message>
        <source>there is no conversation %1 in %2. Leave out --conversation to start a new one.</source>
        <translation>%2 に会話 %1 はありません。新しい会話を始めるには --conversation を省略してください。</translation>
    </message>
    <message>
        <source>cannot attach %1: %2</source>
        <translation>%1 を添付できません: %2</translation>
    </message>
    <message>
        <source>warning: %1: %2</source>
        <translation>警告: %1: %2</translation>
    </message>
    <message>
        <source>the vision projector %1 does not exist. Give an mmproj .gguf file with --mmproj.</source>
        <translation>ビジョンプロジェクター %1 は存在しません。--mmproj で mmproj の .gguf ファイルを指定してください。</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告: %1</translation>
    </message>
    <message>
        <source>conversation %1</source>
        <translation>会話 %1</translation>
    </message>
</context>
<context>
    <name>AttachmentChip</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1, %2, about %3 tokens</source>
        <translation>%1、%2、約 %3 トークン</translation>
    </message>
    <message>
        <source>Reading… %1%</source>
        <translation>読み込み中… %1%</translation>
    </message>
    <message>
        <source>%1 · %2 tokens</source>
        <translation>%1 · %2 トークン</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>テキスト</translation>
    </message>
    <message>
        <source>Page images</source>
        <translation>ページ画像</translation>
    </message>
    <message>
        <source>How to send %1</source>
        <translation>%1 の送り方</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 を削除</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
</context>
<context>
    <name>AttachmentRepository</name>
    <message>
        <source>An attachment needs its original file path.</source>
        <translation>添付ファイルには元のファイルパスが必要です。</translation>
    </message>
    <message>
        <source>The attachment&apos;s SHA-256 must be 64 lower-case hex digits, not &apos;%1&apos;.</source>
        <translation>添付ファイルの SHA-256 は小文字の 16 進数 64 桁でなければなりません（「%1」ではなく）。</translation>
    </message>
    <message>
        <source>An attachment needs a kind (pdf, image, ...).</source>
        <translation>添付ファイルには種類（pdf、image など）が必要です。</translation>
    </message>
    <message>
        <source>The cache key &apos;%1&apos; must be relative to the cache folder and stay inside it.</source>
        <translation>キャッシュキー「%1」はキャッシュフォルダーからの相対パスで、その中に収まっている必要があります。</translation>
    </message>
    <message>
        <source>Cannot attach %1: conversation %2 or its message does not exist (%3).</source>
        <translation>%1 を添付できません: 会話 %2 またはそのメッセージが存在しません（%3）。</translation>
    </message>
    <message>
        <source>There is no attachment with id %1.</source>
        <translation>ID %1 の添付ファイルはありません。</translation>
    </message>
</context>
<context>
    <name>ChatArea</name>
    <message>
        <source>Messages</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the answer</source>
        <translation>回答を停止</translation>
    </message>
    <message>
        <source>Stop (Esc)</source>
        <translation>停止 (Esc)</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Dismiss the error</source>
        <translation>エラーを閉じる</translation>
    </message>
    <message>
        <source>Ask about your documents</source>
        <translation>ドキュメントについて質問</translation>
    </message>
    <message>
        <source>Drop PDFs, images or videos here, or type a question</source>
        <translation>PDF・画像・動画をここにドロップするか、質問を入力してください</translation>
    </message>
    <message>
        <source>Everything stays on this computer.</source>
        <translation>すべてこのコンピューター内で処理されます。</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Lectern: ask questions about your PDFs, images and videos, answered on this computer.</source>
        <translation>Lectern: PDF・画像・動画について質問し、このコンピューター上で回答を得ます。</translation>
    </message>
    <message>
        <source>Show this help, then quit.</source>
        <translation>このヘルプを表示して終了します。</translation>
    </message>
    <message>
        <source>Print the program name and version, then quit.</source>
        <translation>プログラム名とバージョンを表示して終了します。</translation>
    </message>
    <message>
        <source>PDFs, images, videos or text files to open.</source>
        <translation>開く PDF・画像・動画・テキストファイル。</translation>
    </message>
    <message>
        <source>[FILE...]</source>
        <translation>[ファイル...]</translation>
    </message>
    <message>
        <source>Try &apos;%1 --help&apos; for more information.</source>
        <translation>詳しくは「%1 --help」を実行してください。</translation>
    </message>
    <message>
        <source>--screenshot only works together with --smoke-test.</source>
        <translation>--screenshot は --smoke-test と一緒にしか使えません。</translation>
    </message>
    <message>
        <source>--screenshot needs a file name.</source>
        <translation>--screenshot にはファイル名が必要です。</translation>
    </message>
    <message>
        <source>An empty file name was given.</source>
        <translation>空のファイル名が指定されました。</translation>
    </message>
    <message>
        <source>Without a window: lectern inspect|ask|extract|export|serve ... (serve: the local OpenAI-compatible API server); lectern MODE --help shows each mode&apos;s options.</source>
        <translation>ウィンドウなし: lectern inspect|ask|extract|export|serve ...（serve: ローカルの OpenAI 互換 API サーバー）。各モードのオプションは lectern モード --help で表示されます。</translation>
    </message>
</context>
<context>
    <name>CommandOptions</name>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1 には値が必要です。</translation>
    </message>
    <message>
        <source>%1 needs a non-empty value.</source>
        <translation>%1 には空でない値が必要です。</translation>
    </message>
    <message>
        <source>%1 takes a whole number from %2 to %3, not &apos;%4&apos;.</source>
        <translation>%1 には %2 から %3 までの整数を指定してください（「%4」ではなく）。</translation>
    </message>
    <message>
        <source>%1 takes no value.</source>
        <translation>%1 は値を取りません。</translation>
    </message>
    <message>
        <source>--device takes auto, cpu or vulkan, not &apos;%1&apos;.</source>
        <translation>--device には auto、cpu、vulkan のいずれかを指定してください（「%1」ではなく）。</translation>
    </message>
    <message>
        <source>unknown argument &apos;%1&apos;.</source>
        <translation>不明な引数「%1」です。</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Attach files</source>
        <translation>ファイルを添付</translation>
    </message>
    <message>
        <source>Documents, images and videos (*.pdf *.png *.jpg *.jpeg *.webp *.gif *.bmp *.tif *.tiff *.mp4 *.mkv *.webm *.mov *.avi *.txt *.md *.csv *.json *.html)</source>
        <translation>ドキュメント・画像・動画 (*.pdf *.png *.jpg *.jpeg *.webp *.gif *.bmp *.tif *.tiff *.mp4 *.mkv *.webm *.mov *.avi *.txt *.md *.csv *.json *.html)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Fewer pages</source>
        <translation>ページを減らす</translation>
    </message>
    <message>
        <source>Pages to send, for example 1-5, 8, 10-</source>
        <translation>送るページ（例: 1-5, 8, 10-）</translation>
    </message>
    <message>
        <source>Pages to send</source>
        <translation>送るページ</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>添付ファイル</translation>
    </message>
    <message>
        <source>This is %1 tokens more than the model can read.</source>
        <translation>モデルが読める量より %1 トークン多くなっています。</translation>
    </message>
    <message>
        <source>Fewer pages…</source>
        <translation>ページを減らす…</translation>
    </message>
    <message>
        <source>Fewer frames</source>
        <translation>フレームを減らす</translation>
    </message>
    <message>
        <source>Lower image resolution</source>
        <translation>画像の解像度を下げる</translation>
    </message>
    <message>
        <source>Reading the question</source>
        <translation>質問を読み込んでいます</translation>
    </message>
    <message>
        <source>%1 of %2 tokens</source>
        <translation>%1 / %2 トークン</translation>
    </message>
    <message>
        <source>%1, about %2 s left</source>
        <translation>%1、残り約 %2 秒</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Cancel the answer</source>
        <translation>回答をキャンセル</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>添付…</translation>
    </message>
    <message>
        <source>Attach PDFs, images, videos or text files (Ctrl+O)</source>
        <translation>PDF・画像・動画・テキストファイルを添付 (Ctrl+O)</translation>
    </message>
    <message>
        <source>Type a question…</source>
        <translation>質問を入力…</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>質問</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>Think first</source>
        <translation>先に考える</translation>
    </message>
    <message>
        <source>Think before answering</source>
        <translation>回答する前に考える</translation>
    </message>
    <message>
        <source>The model reasons before it answers: slower, often better. Saved per conversation.</source>
        <translation>モデルが回答の前に推論します。時間はかかりますが、多くの場合より良い回答になります。会話ごとに保存されます。</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Advanced sampling settings</source>
        <translation>サンプリングの詳細設定</translation>
    </message>
    <message>
        <source>Automatic resolution</source>
        <translation>自動解像度</translation>
    </message>
    <message>
        <source>High resolution</source>
        <translation>高解像度</translation>
    </message>
    <message>
        <source>Medium resolution</source>
        <translation>中解像度</translation>
    </message>
    <message>
        <source>Low resolution</source>
        <translation>低解像度</translation>
    </message>
    <message>
        <source>Image resolution for every picture</source>
        <translation>すべての画像の解像度</translation>
    </message>
    <message>
        <source>full resolution</source>
        <translation>最大解像度</translation>
    </message>
    <message>
        <source>high resolution</source>
        <translation>高解像度</translation>
    </message>
    <message>
        <source>medium resolution</source>
        <translation>中解像度</translation>
    </message>
    <message>
        <source>low resolution</source>
        <translation>低解像度</translation>
    </message>
    <message>
        <source>Pictures are sent at %1, chosen to fit the context.</source>
        <translation>画像はコンテキストに収まるよう選ばれた%1で送信されます。</translation>
    </message>
</context>
<context>
    <name>ContextMeter</name>
    <message>
        <source>%1 of %2 tokens</source>
        <translation>%1 / %2 トークン</translation>
    </message>
    <message>
        <source>Context used: %1</source>
        <translation>使用中のコンテキスト: %1</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>≈ %1 s to read</source>
        <translation>読み込みに約 %1 秒</translation>
    </message>
    <message>
        <source>≈ %1 min to read</source>
        <translation>読み込みに約 %1 分</translation>
    </message>
    <message>
        <source>≈ %1 h to read</source>
        <translation>読み込みに約 %1 時間</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>needs %1</source>
        <translation>%1 必要</translation>
    </message>
    <message>
        <source>%1: more than the device has</source>
        <translation>%1: デバイスの容量を超えています</translation>
    </message>
    <message>
        <source>Context used: %1; %2</source>
        <translation>使用中のコンテキスト: %1、%2</translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message>
        <source>Open conversation</source>
        <translation>会話を開く</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>会話</translation>
    </message>
    <message>
        <source>Conversation title</source>
        <translation>会話のタイトル</translation>
    </message>
    <message>
        <source>Rename conversation</source>
        <translation>会話の名前を変更</translation>
    </message>
    <message>
        <source>Rename (F2)</source>
        <translation>名前を変更 (F2)</translation>
    </message>
    <message>
        <source>Delete conversation</source>
        <translation>会話を削除</translation>
    </message>
    <message>
        <source>Delete (Del)</source>
        <translation>削除 (Del)</translation>
    </message>
</context>
<context>
    <name>ConversationRepository</name>
    <message>
        <source>There is no conversation with id %1.</source>
        <translation>ID %1 の会話はありません。</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>%1 is a folder, not a database file.</source>
        <translation>%1 はフォルダーで、データベースファイルではありません。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>%1 を読み込めません: %2。</translation>
    </message>
    <message>
        <source>%1 is not a Lectern database: it is damaged or not an SQLite file. Lectern has not changed it. Restore it from a backup, or move it away to start a new database.</source>
        <translation>%1 は Lectern のデータベースではありません。破損しているか、SQLite ファイルではありません。Lectern は変更していません。バックアップから復元するか、別の場所に移動して新しいデータベースを始めてください。</translation>
    </message>
    <message>
        <source>%1 is truncated (%2 bytes; its header says %3). Lectern has not changed it. Restore it from a backup, or move it away to start a new database.</source>
        <translation>%1 は途中で切れています（%2 バイト。ヘッダーでは %3）。Lectern は変更していません。バックアップから復元するか、別の場所に移動して新しいデータベースを始めてください。</translation>
    </message>
    <message>
        <source>%1 is damaged (%2). Lectern has not changed it. Restore it from a backup, or move it away to start a new database.</source>
        <translation>%1 は破損しています（%2）。Lectern は変更していません。バックアップから復元するか、別の場所に移動して新しいデータベースを始めてください。</translation>
    </message>
    <message>
        <source>%1 failed its integrity check: %2</source>
        <translation>%1 は整合性チェックに失敗しました: %2</translation>
    </message>
    <message>
        <source>There is no database at %1. Check the path.</source>
        <translation>%1 にデータベースがありません。パスを確認してください。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the database. Check its permissions.</source>
        <translation>データベース用のフォルダー %1 を作成できません。アクセス権を確認してください。</translation>
    </message>
    <message>
        <source>%1 needs recovery from an interrupted write, which a read-only open cannot do. Open it once with Lectern, then try again.</source>
        <translation>%1 は中断された書き込みからの復旧が必要ですが、読み取り専用で開いた状態ではできません。一度 Lectern で開いてから、もう一度試してください。</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of Lectern (schema version %2; this version understands up to %3). Lectern has not changed it. Update Lectern to open it.</source>
        <translation>%1 は新しいバージョンの Lectern で書き込まれています（スキーマバージョン %2。このバージョンが扱えるのは %3 まで）。Lectern は変更していません。開くには Lectern を更新してください。</translation>
    </message>
    <message>
        <source>%1 is an SQLite database, but not one of Lectern&apos;s. Lectern has not changed it. Choose another file.</source>
        <translation>%1 は SQLite データベースですが、Lectern のものではありません。Lectern は変更していません。別のファイルを選んでください。</translation>
    </message>
    <message>
        <source>%1 uses schema version %2 and needs an upgrade to version %3, but it was opened read-only. Open it once with Lectern to upgrade it (a backup is made first).</source>
        <translation>%1 はスキーマバージョン %2 で、バージョン %3 への更新が必要ですが、読み取り専用で開かれました。更新するには一度 Lectern で開いてください（先にバックアップが作成されます）。</translation>
    </message>
    <message>
        <source>%1 failed its integrity check (%2), so Lectern will not upgrade it and has not changed it. Restore it from a backup.</source>
        <translation>%1 は整合性チェックに失敗したため（%2）、Lectern は更新せず、変更もしていません。バックアップから復元してください。</translation>
    </message>
    <message>
        <source>%1 holds no Lectern data yet and was opened read-only.</source>
        <translation>%1 にはまだ Lectern のデータがなく、読み取り専用で開かれました。</translation>
    </message>
    <message>
        <source>%1 cannot use write-ahead logging (journal mode stays &apos;%2&apos;); put the database on a local disk.</source>
        <translation>%1 ではログ先行書き込みを使えません（ジャーナルモードは「%2」のままです）。データベースをローカルディスクに置いてください。</translation>
    </message>
    <message>
        <source>Could not back up %1 to %2 before upgrading it (%3). Nothing was changed; free some disk space and try again.</source>
        <translation>更新の前に %1 を %2 にバックアップできませんでした（%3）。何も変更していません。ディスクの空き容量を増やしてから、もう一度試してください。</translation>
    </message>
    <message>
        <source>%1 was opened read-only; it cannot be written.</source>
        <translation>%1 は読み取り専用で開かれたため、書き込めません。</translation>
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1 には値が必要です。</translation>
    </message>
    <message>
        <source>%1 needs a non-empty value.</source>
        <translation>%1 には空でない値が必要です。</translation>
    </message>
    <message>
        <source>%1 takes positive numeric ids, not &apos;%2&apos;.</source>
        <translation>%1 には正の数値 ID を指定してください（「%2」ではなく）。</translation>
    </message>
    <message>
        <source>%1 needs at least one id.</source>
        <translation>%1 には ID が少なくとも 1 つ必要です。</translation>
    </message>
    <message>
        <source>%1 takes no value.</source>
        <translation>%1 は値を取りません。</translation>
    </message>
    <message>
        <source>unknown argument &apos;%1&apos;.</source>
        <translation>不明な引数「%1」です。</translation>
    </message>
    <message>
        <source>--extractions cannot be combined with --conversation or --all.</source>
        <translation>--extractions は --conversation や --all と組み合わせられません。</translation>
    </message>
    <message>
        <source>--no-reasoning applies to conversations, not to --extractions.</source>
        <translation>--no-reasoning は会話に適用され、--extractions には適用されません。</translation>
    </message>
    <message>
        <source>--extractions needs --format csv or --format json.</source>
        <translation>--extractions には --format csv または --format json が必要です。</translation>
    </message>
    <message>
        <source>extracted records export as csv or json, not &apos;%1&apos;.</source>
        <translation>抽出したレコードは csv か json で書き出します（「%1」ではなく）。</translation>
    </message>
    <message>
        <source>--bom and --with-source apply to --format csv only.</source>
        <translation>--bom と --with-source は --format csv でのみ使えます。</translation>
    </message>
    <message>
        <source>--schema-id, --bom and --with-source apply to --extractions only.</source>
        <translation>--schema-id、--bom、--with-source は --extractions でのみ使えます。</translation>
    </message>
    <message>
        <source>choose the conversations: --conversation ID... or --all (not both).</source>
        <translation>会話を選んでください: --conversation ID... または --all（両方は不可）。</translation>
    </message>
    <message>
        <source>conversations need --format markdown or --format json.</source>
        <translation>会話には --format markdown または --format json が必要です。</translation>
    </message>
    <message>
        <source>conversations export as markdown or json, not &apos;%1&apos;.</source>
        <translation>会話は markdown か json で書き出します（「%1」ではなく）。</translation>
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
        <translation>使い方:
  lectern export [--db パス] (--conversation ID... | --all) --format markdown|json
                 [--no-reasoning] [--out ファイル]
  lectern export [--db パス] --extractions [--schema-id ID...] --format csv|json
                 [--bom] [--with-source] [--out ファイル]

ウィンドウを開かずに、Lectern のデータベースから会話または抽出したレコードを書き出します。
データベースは読み取るだけで、変更はしません。

  --db パス            データベース（既定: %1）
  --conversation ID... 書き出す会話（この順序。ID はカンマ区切りでも可）
  --all                すべての会話（古い順）
  --no-reasoning       モデルの推論を省きます
  --extractions        会話の代わりに抽出したレコードを書き出します
  --schema-id ID...    これらの抽出スキーマのレコードだけ
  --bom                CSV の先頭に UTF-8 のバイトオーダーマークを付けます（表計算ソフト向け）
  --with-source        CSV に source.file 列と source.page 列を追加します
  --out ファイル       標準出力の代わりにファイルへ書き込みます（アトミックに置き換え）
</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>cannot write the export: %1</source>
        <translation>書き出しを書き込めません: %1</translation>
    </message>
</context>
<context>
    <name>ExtractCommand</name>
    <message>
        <source>--model is required.</source>
        <translation>--model は必須です。</translation>
    </message>
    <message>
        <source>give either --schema FILE or --template NAME (%1).</source>
        <translation>--schema ファイル または --template 名前 のどちらかを指定してください（%1）。</translation>
    </message>
    <message>
        <source>no files given.</source>
        <translation>ファイルが指定されていません。</translation>
    </message>
    <message>
        <source>--out is required (a .csv or .json file).</source>
        <translation>--out は必須です（.csv または .json ファイル）。</translation>
    </message>
    <message>
        <source>--out must end in .csv or .json, not &apos;%1&apos;.</source>
        <translation>--out は .csv か .json で終わる必要があります（「%1」ではなく）。</translation>
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
        <translation>使い方:
  lectern extract --model モデル (--schema スキーマ.json | --template 名前) ファイル... --out 行.csv|行.json
                  [--device auto|cpu|vulkan] [--db パス] [--max-tokens N] [--context N] [--think]

JSON スキーマで制約したデコードにより、各ファイルから構造化データを抽出します。モデルの回答は必ず解析でき、
スキーマに従います。最上位がオブジェクトのスキーマではファイルごとに 1 行、オブジェクトの配列では項目ごとに
1 行（PDF ではページごと）になります。行は元のファイルとページとともにデータベースに保存され、--out に
書き込まれます（元情報の列付き CSV、または JSON）。

  --model モデル     .gguf ファイルまたは HuggingFace のモデルフォルダー
  --schema ファイル  JSON Schema（オブジェクト、配列、enum / maxLength / date・date-time・email 形式の文字列、
                     数値、整数、真偽値、null、anyOf）
  --template 名前    組み込みのスキーマ: %1
  --out ファイル     行の書き込み先。.csv または .json
  --device デバイス  auto（使えれば Vulkan）、cpu、vulkan のいずれか（既定 auto）
  --db パス          データベース（既定: %2）
  --max-tokens N     回答あたりのトークン数（既定 1024）。収まるように値は早めに閉じられます
  --context N        コンテキスト長（トークン、既定 8192）。長いドキュメントは収まるように切り詰めます
  --think            モデルに先に推論させます（抽出では既定でオフ）

進行状況は標準エラー出力に出ます。終了ステータス: すべてのファイルを抽出できた場合は 0、ファイルまたはモデルが
失敗した場合は 1（他の行は書き込まれます）、使い方の誤りまたは使えないスキーマの場合は 2。
</translation>
    </message>
    <message>
        <source>there is no template &apos;%1&apos;; the templates are %2.</source>
        <translation>テンプレート「%1」はありません。テンプレートは %2 です。</translation>
    </message>
    <message>
        <source>cannot read the schema %1: %2</source>
        <translation>スキーマ %1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 はファイルではありません。</translation>
    </message>
    <message>
        <source>the model %1 does not exist. Give a .gguf file or a model folder with --model.</source>
        <translation>モデル %1 は存在しません。--model で .gguf ファイルかモデルフォルダーを指定してください。</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n 件のレコード</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>%1 rows from %2 files written to %3</source>
        <translation>%2 個のファイルから %1 行を %3 に書き込みました</translation>
    </message>
</context>
<context>
    <name>ExtractQueue</name>
    <message>
        <source>Added</source>
        <translation>追加済み</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <source>Extraction queue</source>
        <translation>抽出キュー</translation>
    </message>
    <message>
        <source>Drop files here or use Add files.</source>
        <translation>ここにファイルをドロップするか、「ファイルを追加」を使ってください。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2, %n record(s)</source>
        <translation>
            <numerusform>%1: %2、%n 件のレコード</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n record(s)</source>
        <translation>
            <numerusform>%1 · %n 件のレコード</numerusform>
        </translation>
    </message>
    <message>
        <source>Progress of %1</source>
        <translation>%1 の進行状況</translation>
    </message>
</context>
<context>
    <name>ExtractResults</name>
    <message>
        <source>Sort by %1</source>
        <translation>%1 で並べ替え</translation>
    </message>
    <message>
        <source>Extracted records</source>
        <translation>抽出したレコード</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 を編集</translation>
    </message>
    <message>
        <source>Extracted records appear here.</source>
        <translation>抽出したレコードはここに表示されます。</translation>
    </message>
</context>
<context>
    <name>ExtractView</name>
    <message>
        <source>Custom schema</source>
        <translation>カスタムスキーマ</translation>
    </message>
    <message>
        <source>Add files to extract from</source>
        <translation>抽出元のファイルを追加</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.txt *.md *.csv *.json *.html)</source>
        <translation>ドキュメント (*.pdf *.txt *.md *.csv *.json *.html)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Export records as CSV</source>
        <translation>レコードを CSV で書き出す</translation>
    </message>
    <message>
        <source>Export records as JSON</source>
        <translation>レコードを JSON で書き出す</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON ファイル (*.json)</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>テンプレート</translation>
    </message>
    <message>
        <source>Extraction template</source>
        <translation>抽出テンプレート</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>ファイルを追加…</translation>
    </message>
    <message>
        <source>Loading model…</source>
        <translation>モデルを読み込んでいます…</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Start extraction</source>
        <translation>抽出を開始</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Pause after the current file</source>
        <translation>現在のファイルの後で一時停止</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Cancel the batch</source>
        <translation>一括処理をキャンセル</translation>
    </message>
    <message>
        <source>Extraction needs the database, which could not be opened.</source>
        <translation>抽出にはデータベースが必要ですが、開けませんでした。</translation>
    </message>
    <message>
        <source>Schema (JSON)</source>
        <translation>スキーマ (JSON)</translation>
    </message>
    <message>
        <source>A JSON Schema: an object with properties, or an array of them</source>
        <translation>JSON Schema: プロパティを持つオブジェクト、またはその配列</translation>
    </message>
    <message>
        <source>Extraction schema as JSON</source>
        <translation>JSON で書いた抽出スキーマ</translation>
    </message>
    <message>
        <source>Schema OK</source>
        <translation>スキーマは正常です</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Re-run row</source>
        <translation>行を再実行</translation>
    </message>
    <message>
        <source>Extract the selected row&apos;s file again</source>
        <translation>選択した行のファイルをもう一度抽出</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV を書き出す…</translation>
    </message>
    <message>
        <source>Export the records as CSV</source>
        <translation>レコードを CSV で書き出す</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>JSON を書き出す…</translation>
    </message>
    <message>
        <source>Export the records as JSON</source>
        <translation>レコードを JSON で書き出す</translation>
    </message>
</context>
<context>
    <name>ExtractionJobRepository</name>
    <message>
        <source>An extraction job needs a source file.</source>
        <translation>抽出ジョブにはソースファイルが必要です。</translation>
    </message>
    <message>
        <source>There is no extraction schema with id %1.</source>
        <translation>ID %1 の抽出スキーマはありません。</translation>
    </message>
    <message>
        <source>There is no extraction job with id %1.</source>
        <translation>ID %1 の抽出ジョブはありません。</translation>
    </message>
    <message>
        <source>There is no finished extraction job with id %1.</source>
        <translation>ID %1 の完了した抽出ジョブはありません。</translation>
    </message>
</context>
<context>
    <name>ExtractionRepository</name>
    <message>
        <source>An extraction schema needs a name.</source>
        <translation>抽出スキーマには名前が必要です。</translation>
    </message>
    <message>
        <source>The extraction schema &apos;%1&apos; is not valid JSON: %2.</source>
        <translation>抽出スキーマ「%1」は有効な JSON ではありません: %2。</translation>
    </message>
    <message>
        <source>There is no extraction schema with id %1.</source>
        <translation>ID %1 の抽出スキーマはありません。</translation>
    </message>
    <message>
        <source>Extraction schema %1 still has %2 records; delete or export them first.</source>
        <translation>抽出スキーマ %1 にはまだ %2 件のレコードがあります。先に削除するか書き出してください。</translation>
    </message>
    <message>
        <source>The extracted record is not a valid JSON object: %1.</source>
        <translation>抽出したレコードは有効な JSON オブジェクトではありません: %1。</translation>
    </message>
    <message>
        <source>Page numbers start at 1, not %1.</source>
        <translation>ページ番号は 1 から始まります（%1 ではありません）。</translation>
    </message>
    <message>
        <source>Cannot store the record: its schema %1, attachment or message does not exist (%2).</source>
        <translation>レコードを保存できません: スキーマ %1、添付ファイル、またはメッセージが存在しません（%2）。</translation>
    </message>
    <message>
        <source>There is no extracted record with id %1.</source>
        <translation>ID %1 の抽出レコードはありません。</translation>
    </message>
    <message>
        <source>The edited record %1 is not a JSON object: %2.</source>
        <translation>編集したレコード %1 は JSON オブジェクトではありません: %2。</translation>
    </message>
</context>
<context>
    <name>ExtractionTemplates</name>
    <message>
        <source>line %1, column %2</source>
        <translation>%1 行 %2 列</translation>
    </message>
    <message>
        <source>The schema is not valid JSON (%1 at %2).</source>
        <translation>スキーマが有効な JSON ではありません（%2 で %1）。</translation>
    </message>
    <message>
        <source>The schema must be a JSON object such as {&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {...}}.</source>
        <translation>スキーマは {&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {...}} のような JSON オブジェクトでなければなりません。</translation>
    </message>
    <message>
        <source>The schema cannot be used: %1.</source>
        <translation>スキーマを使用できません: %1。</translation>
    </message>
    <message>
        <source>The top level of an extraction schema must be an object (one record per file) or an array of objects (one record per item); give &quot;type&quot;: &quot;object&quot; or &quot;type&quot;: &quot;array&quot; with object items.</source>
        <translation>抽出スキーマの最上位は、オブジェクト（ファイルごとに 1 レコード）か、オブジェクトの配列（項目ごとに 1 レコード）でなければなりません。&quot;type&quot;: &quot;object&quot; または、項目がオブジェクトの &quot;type&quot;: &quot;array&quot; を指定してください。</translation>
    </message>
</context>
<context>
    <name>FileDropArea</name>
    <message>
        <source>Drop files to attach them</source>
        <translation>ドロップして添付</translation>
    </message>
</context>
<context>
    <name>ImageImporter</name>
    <message>
        <source>An image file has exactly one image.</source>
        <translation>画像ファイルには画像がちょうど 1 つ含まれます。</translation>
    </message>
    <message>
        <source>The image is damaged or not in a format Lectern can read.</source>
        <translation>画像が破損しているか、Lectern が読めない形式です。</translation>
    </message>
    <message>
        <source>The image is damaged: its size cannot be read.</source>
        <translation>画像が破損しています: サイズを読み取れません。</translation>
    </message>
    <message>
        <source>The image claims to be %1 x %2 pixels, more than Lectern accepts (%3 megapixels, at most %4 pixels per side). It may be damaged or built to exhaust memory.</source>
        <translation>画像のサイズは %1 × %2 ピクセルとされていますが、Lectern が受け付ける上限（%3 メガピクセル、1 辺 %4 ピクセルまで）を超えています。破損しているか、メモリを使い果たすように作られている可能性があります。</translation>
    </message>
    <message>
        <source>The %1 image is %2 x %3 pixels; this kind of %1 file cannot be decoded at reduced size and the full image would need %4 MiB of memory (the limit is %5 MiB). Convert it to JPEG or 8-bit RGB PNG, or make it smaller.</source>
        <translation>%1 画像は %2 × %3 ピクセルです。この種の %1 ファイルは縮小してデコードできず、画像全体には %4 MiB のメモリが必要です（上限は %5 MiB）。JPEG か 8 ビット RGB の PNG に変換するか、画像を小さくしてください。</translation>
    </message>
    <message>
        <source>The image file could not be read: %1</source>
        <translation>画像ファイルを読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>This kind of image is not supported. Use PNG, JPEG, WebP, GIF, BMP or TIFF.</source>
        <translation>この種類の画像には対応していません。PNG、JPEG、WebP、GIF、BMP、TIFF を使ってください。</translation>
    </message>
    <message>
        <source>The image is damaged or incomplete and could not be decoded (%1).</source>
        <translation>画像が破損しているか不完全なため、デコードできませんでした（%1）。</translation>
    </message>
    <message>
        <source>Decoding image</source>
        <translation>画像をデコードしています</translation>
    </message>
    <message>
        <source>The image has %1 frames; only the first is used.</source>
        <translation>画像には %1 フレームあります。最初のフレームだけを使います。</translation>
    </message>
    <message>
        <source>The image is %1 x %2 pixels; it was decoded at %3 x %4 to save memory.</source>
        <translation>画像は %1 × %2 ピクセルです。メモリを節約するため %3 × %4 でデコードしました。</translation>
    </message>
    <message>
        <source>Image decoded</source>
        <translation>画像をデコードしました</translation>
    </message>
</context>
<context>
    <name>ImageInputs</name>
    <message>
        <source>%1 cannot be read as a picture: %2</source>
        <translation>%1 を画像として読み取れません: %2</translation>
    </message>
    <message>
        <source>%1 holds %2 content, not a picture; send a PNG, JPEG, WebP, GIF, BMP or TIFF image.</source>
        <translation>%1 の内容は %2 で、画像ではありません。PNG、JPEG、WebP、GIF、BMP、TIFF の画像を送ってください。</translation>
    </message>
    <message>
        <source>%1 cannot be sent to the model: %2</source>
        <translation>%1 をモデルに送れません: %2</translation>
    </message>
    <message>
        <source>it has no decodable picture</source>
        <translation>デコードできる画像がありません</translation>
    </message>
    <message>
        <source>Remote image URLs are not fetched; send the picture as a data: URL or a local path.</source>
        <translation>リモートの画像 URL は取得しません。画像は data: URL またはローカルパスで送ってください。</translation>
    </message>
    <message>
        <source>%1 is not a valid file: URL; write it as file:///absolute/path.png.</source>
        <translation>%1 は有効な file: URL ではありません。file:///absolute/path.png の形で書いてください。</translation>
    </message>
    <message>
        <source>The image URL must be a data: URL (data:image/png;base64,...), a file:// URL or an absolute local path; got &quot;%1&quot;.</source>
        <translation>画像 URL は data: URL（data:image/png;base64,...）、file:// URL、またはローカルの絶対パスである必要がありますが、&quot;%1&quot; が渡されました。</translation>
    </message>
    <message>
        <source>This server does not read local files (it was started with --no-file-paths); send the picture as a data: URL.</source>
        <translation>このサーバーはローカルファイルを読みません（--no-file-paths で起動されています）。画像は data: URL で送ってください。</translation>
    </message>
    <message>
        <source>The data: URL is malformed: it needs a comma before the data, as in data:image/png;base64,iVBORw0....</source>
        <translation>data: URL の形式が正しくありません: データの前にコンマが必要です（例: data:image/png;base64,iVBORw0....）。</translation>
    </message>
    <message>
        <source>The base64 data of the data: URL is malformed (only A-Z, a-z, 0-9, +, / and = padding are allowed).</source>
        <translation>data: URL の base64 データの形式が正しくありません（使えるのは A-Z、a-z、0-9、+、/ とパディングの = だけです）。</translation>
    </message>
    <message>
        <source>The data: URL holds no data.</source>
        <translation>data: URL にデータがありません。</translation>
    </message>
    <message>
        <source>The picture could not be stored in a temporary file: %1</source>
        <translation>画像を一時ファイルに保存できませんでした: %1</translation>
    </message>
    <message>
        <source>The data: URL</source>
        <translation>data: URL</translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <source>PDF files</source>
        <translation>PDF ファイル</translation>
    </message>
    <message>
        <source>images</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>videos</source>
        <translation>動画</translation>
    </message>
    <message>
        <source>text files</source>
        <translation>テキストファイル</translation>
    </message>
    <message>
        <source>files</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation>PDF ドキュメント</translation>
    </message>
    <message>
        <source>a %1 image</source>
        <translation>%1 画像</translation>
    </message>
    <message>
        <source>a video</source>
        <translation>動画</translation>
    </message>
    <message>
        <source>text</source>
        <translation>テキスト</translation>
    </message>
    <message>
        <source>something else</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>The import was cancelled.</source>
        <translation>インポートはキャンセルされました。</translation>
    </message>
    <message>
        <source>The import took longer than %1 seconds and was stopped. The file may be damaged or too large; try a page range or a shorter clip.</source>
        <translation>インポートに %1 秒以上かかったため中止しました。ファイルが破損しているか大きすぎる可能性があります。ページ範囲を指定するか、短いクリップで試してください。</translation>
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>ファイル %1 は存在しません。</translation>
    </message>
    <message>
        <source>%1 is a folder or a device, not a file.</source>
        <translation>%1 はフォルダーかデバイスで、ファイルではありません。</translation>
    </message>
    <message>
        <source>The file is empty (0 bytes).</source>
        <translation>ファイルが空です（0 バイト）。</translation>
    </message>
    <message>
        <source>The file is %1; Lectern imports files up to %2.</source>
        <translation>ファイルのサイズは %1 です。Lectern がインポートできるのは %2 までです。</translation>
    </message>
    <message>
        <source>The file could not be opened: %1</source>
        <translation>ファイルを開けませんでした: %1</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>ファイルを読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>This is an audio file (%1); Lectern imports PDFs, images, videos and text.</source>
        <translation>これは音声ファイルです（%1）。Lectern がインポートするのは PDF・画像・動画・テキストです。</translation>
    </message>
    <message>
        <source>This file type is not supported (%1). Lectern imports PDFs, images (PNG, JPEG, WebP, GIF, BMP, TIFF), videos and text files.</source>
        <translation>このファイル形式には対応していません（%1）。Lectern がインポートするのは PDF、画像（PNG、JPEG、WebP、GIF、BMP、TIFF）、動画、テキストファイルです。</translation>
    </message>
    <message>
        <source>The file is %1; Lectern imports %2 up to %3.</source>
        <translation>ファイルのサイズは %1 です。Lectern がインポートできる%2は %3 までです。</translation>
    </message>
    <message>
        <source>The file name ends in .%1 but the file contains %2; it was imported as such.</source>
        <translation>ファイル名は .%1 で終わっていますが、中身は %2 です。その形式としてインポートしました。</translation>
    </message>
    <message>
        <source>Checking file</source>
        <translation>ファイルを確認しています</translation>
    </message>
    <message>
        <source>Found in cache</source>
        <translation>キャッシュにありました</translation>
    </message>
    <message>
        <source>Page %1 is too narrow for the vision model (aspect ratio above 200:1); it is left out.</source>
        <translation>ページ %1 はビジョンモデルには細長すぎるため（縦横比 200:1 超）、除外します。</translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>ページ %1</translation>
    </message>
    <message>
        <source>image</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>video</source>
        <translation>動画</translation>
    </message>
    <message>
        <source>The video&apos;s frames are too narrow for the vision model (aspect ratio above 200:1).</source>
        <translation>動画のフレームがビジョンモデルには細長すぎます（縦横比 200:1 超）。</translation>
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
        <translation>使い方: lectern inspect [オプション] ファイル...
ウィンドウを開かずに各ファイルをインポートし、結果を JSON で出力します。

オプション:
  --pages=範囲       インポートする PDF のページ（例: 1-5,8,10-）
  --password=文字列  保護された PDF のパスワード
  --dpi=N            PDF のページ画像の解像度（既定 120）
  --fps=N            1 秒あたりにサンプリングする動画フレーム数（既定 2）
  --max-frames=N     動画フレーム数の上限（既定 768）
  --text             各ページの全文を含めます

終了ステータス: すべてのファイルをインポートできた場合は 0、失敗したものがある場合は 1、使い方の誤りの場合は 2。
</translation>
    </message>
    <message>
        <source>lectern inspect: unknown option %1</source>
        <translation>lectern inspect: 不明なオプション %1</translation>
    </message>
    <message>
        <source>lectern inspect: invalid value in %1</source>
        <translation>lectern inspect: %1 の値が無効です</translation>
    </message>
    <message>
        <source>lectern inspect: no files given</source>
        <translation>lectern inspect: ファイルが指定されていません</translation>
    </message>
</context>
<context>
    <name>MarkdownExport</name>
    <message>
        <source>1 page</source>
        <translation>1 ページ</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 ページ</translation>
    </message>
    <message>
        <source>1 frame</source>
        <translation>1 フレーム</translation>
    </message>
    <message>
        <source>%1 frames</source>
        <translation>%1 フレーム</translation>
    </message>
    <message>
        <source>Attached: %1 (%2)</source>
        <translation>添付: %1（%2）</translation>
    </message>
    <message>
        <source>System</source>
        <translation>システム</translation>
    </message>
    <message>
        <source>User</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>アシスタント</translation>
    </message>
    <message>
        <source>The answer was interrupted.</source>
        <translation>回答は中断されました。</translation>
    </message>
    <message>
        <source>The answer was cut off at the length limit.</source>
        <translation>回答は長さの上限で打ち切られました。</translation>
    </message>
    <message>
        <source>The answer was stopped.</source>
        <translation>回答は停止されました。</translation>
    </message>
    <message>
        <source>The answer failed.</source>
        <translation>回答に失敗しました。</translation>
    </message>
    <message>
        <source>Untitled conversation</source>
        <translation>無題の会話</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>モデル: %1</translation>
    </message>
    <message>
        <source>Thinking: %1</source>
        <translation>思考: %1</translation>
    </message>
    <message>
        <source>on</source>
        <translation>オン</translation>
    </message>
    <message>
        <source>off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>作成日時: %1</translation>
    </message>
    <message>
        <source>Reasoning (%1 s)</source>
        <translation>推論（%1 秒）</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>推論</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>You</source>
        <translation>あなた</translation>
    </message>
    <message>
        <source>Lectern</source>
        <translation>Lectern</translation>
    </message>
    <message>
        <source>Generating the answer</source>
        <translation>回答を生成しています</translation>
    </message>
    <message>
        <source>Edit the question</source>
        <translation>質問を編集</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>編集をキャンセル</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>Send the edited question</source>
        <translation>編集した質問を送信</translation>
    </message>
    <message numerus="yes">
        <source>%n tokens · %1 tokens/s</source>
        <translation>
            <numerusform>%n トークン · %1 トークン/秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation>
            <numerusform>%n トークン</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>停止しました</translation>
    </message>
    <message>
        <source>Cut off at the length limit</source>
        <translation>長さの上限で打ち切り</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Copy the question</source>
        <translation>質問をコピー</translation>
    </message>
    <message>
        <source>Copy the answer</source>
        <translation>回答をコピー</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>編集</translation>
    </message>
    <message>
        <source>Edit and resend the question</source>
        <translation>質問を編集して再送信</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>再生成</translation>
    </message>
    <message>
        <source>Regenerate the answer</source>
        <translation>回答を再生成</translation>
    </message>
    <message numerus="yes">
        <source>Waiting for %n API request(s)…</source>
        <translation>
            <numerusform>%n 件の API リクエストを待っています…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageRepository</name>
    <message>
        <source>There is no conversation with id %1 to add a message to.</source>
        <translation>メッセージを追加する ID %1 の会話はありません。</translation>
    </message>
    <message>
        <source>There is no message with id %1.</source>
        <translation>ID %1 のメッセージはありません。</translation>
    </message>
</context>
<context>
    <name>ModelSetupDialog</name>
    <message>
        <source>Open a GGUF model file</source>
        <translation>GGUF モデルファイルを開く</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF モデル (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Open a HuggingFace model folder</source>
        <translation>HuggingFace のモデルフォルダーを開く</translation>
    </message>
    <message>
        <source>Choose a model</source>
        <translation>モデルを選択</translation>
    </message>
    <message>
        <source>Lectern answers with a Qwen3.5 model that runs on this computer.</source>
        <translation>Lectern は、このコンピューター上で動く Qwen3.5 モデルで回答します。</translation>
    </message>
    <message>
        <source>Open GGUF file…</source>
        <translation>GGUF ファイルを開く…</translation>
    </message>
    <message>
        <source>Open HuggingFace folder…</source>
        <translation>HuggingFace フォルダーを開く…</translation>
    </message>
    <message>
        <source>Found on this computer</source>
        <translation>このコンピューターで見つかったモデル</translation>
    </message>
    <message>
        <source>No Qwen3.5 models in Ollama&apos;s store or the HuggingFace cache.</source>
        <translation>Ollama のストアにも HuggingFace のキャッシュにも Qwen3.5 モデルはありません。</translation>
    </message>
    <message>
        <source>Looking for models</source>
        <translation>モデルを検索しています</translation>
    </message>
    <message>
        <source>Models found on this computer</source>
        <translation>このコンピューターで見つかったモデル</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1（%2、%3）</translation>
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
        <translation>ダウンロード</translation>
    </message>
    <message>
        <source>Download address</source>
        <translation>ダウンロード元のアドレス</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Download Qwen3.5-0.8B</source>
        <translation>Qwen3.5-0.8B をダウンロード</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>ダウンロードの進行状況</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>後で</translation>
    </message>
    <message>
        <source>Close the model setup</source>
        <translation>モデルの設定を閉じる</translation>
    </message>
</context>
<context>
    <name>OpenAiProtocol</name>
    <message>
        <source>an array</source>
        <translation>配列</translation>
    </message>
    <message>
        <source>Invalid &apos;messages&apos;: empty array. Send at least one message.</source>
        <translation>&apos;messages&apos; が無効です: 空の配列です。メッセージを 1 つ以上送ってください。</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>オブジェクト</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>文字列</translation>
    </message>
    <message>
        <source>Messages with role &apos;function&apos; are deprecated and not supported; use &apos;tool&apos; messages.</source>
        <translation>ロール &apos;function&apos; のメッセージは非推奨で、対応していません。&apos;tool&apos; メッセージを使ってください。</translation>
    </message>
    <message>
        <source>Invalid value for &apos;%1.role&apos;: &apos;%2&apos;. Supported values are &apos;system&apos;, &apos;developer&apos;, &apos;user&apos;, &apos;assistant&apos; and &apos;tool&apos;.</source>
        <translation>&apos;%1.role&apos; の値 &apos;%2&apos; は無効です。使える値は &apos;system&apos;、&apos;developer&apos;、&apos;user&apos;、&apos;assistant&apos;、&apos;tool&apos; です。</translation>
    </message>
    <message>
        <source>Invalid &apos;%1.type&apos;: only &quot;function&quot; tool calls are supported.</source>
        <translation>&apos;%1.type&apos; が無効です: &quot;function&quot; ツール呼び出しのみに対応しています。</translation>
    </message>
    <message>
        <source>Invalid &apos;%1.function.name&apos;: expected a non-empty string.</source>
        <translation>&apos;%1.function.name&apos; が無効です: 空でない文字列が必要です。</translation>
    </message>
    <message>
        <source>a string holding a JSON object</source>
        <translation>JSON オブジェクトを含む文字列</translation>
    </message>
    <message>
        <source>Invalid &apos;%1&apos;: the arguments must be the JSON text of an object, as in &quot;{\&quot;city\&quot;: \&quot;Paris\&quot;}&quot;.</source>
        <translation>&apos;%1&apos; が無効です: 引数はオブジェクトの JSON テキストである必要があります（例: &quot;{\&quot;city\&quot;: \&quot;Paris\&quot;}&quot;）。</translation>
    </message>
    <message>
        <source>a string or an array of content parts</source>
        <translation>文字列またはコンテンツパーツの配列</translation>
    </message>
    <message>
        <source>Content parts of type &apos;%1&apos; are not supported; Lectern reads &apos;text&apos; and &apos;image_url&apos; parts.</source>
        <translation>種類 &apos;%1&apos; のコンテンツパーツには対応していません。Lectern が読むのは &apos;text&apos; と &apos;image_url&apos; のパーツです。</translation>
    </message>
    <message>
        <source>Pictures can only be sent in user messages.</source>
        <translation>画像はユーザーメッセージでのみ送れます。</translation>
    </message>
    <message>
        <source>The loaded model %1 cannot see images; load a model with a vision encoder (mmproj).</source>
        <translation>読み込まれたモデル %1 は画像を見られません。ビジョンエンコーダー（mmproj）付きのモデルを読み込んでください。</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>真偽値</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>above %1 and at most %2</source>
        <translation>%1 より大きく %2 以下の</translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation>%1 から %2 までの</translation>
    </message>
    <message>
        <source>Invalid &apos;%1&apos;: expected a value %2, but got %3 instead.</source>
        <translation>&apos;%1&apos; が無効です: %2値が必要ですが、%3 が渡されました。</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>The model &apos;%1&apos; does not exist: this server has the model &apos;%2&apos; loaded. Send &quot;model&quot;: &quot;%2&quot; or leave it out.</source>
        <translation>モデル &apos;%1&apos; は存在しません: このサーバーにはモデル &apos;%2&apos; が読み込まれています。&quot;model&quot;: &quot;%2&quot; を送るか、省略してください。</translation>
    </message>
    <message>
        <source>Only one choice per request is supported (&apos;n&apos; must be 1); send several requests instead.</source>
        <translation>1 回のリクエストで生成できる候補は 1 つだけです（&apos;n&apos; は 1 にしてください）。代わりに複数のリクエストを送ってください。</translation>
    </message>
    <message>
        <source>Stop sequences are not supported; leave out &apos;stop&apos; and cut the answer yourself.</source>
        <translation>停止シーケンスには対応していません。&apos;stop&apos; を省略し、回答はご自身で切り詰めてください。</translation>
    </message>
    <message>
        <source>Log probabilities are not supported; leave out &apos;logprobs&apos;.</source>
        <translation>対数確率には対応していません。&apos;logprobs&apos; を省略してください。</translation>
    </message>
    <message>
        <source>Log probabilities are not supported; leave out &apos;top_logprobs&apos;.</source>
        <translation>対数確率には対応していません。&apos;top_logprobs&apos; を省略してください。</translation>
    </message>
    <message>
        <source>&apos;logit_bias&apos; is not supported; leave it out.</source>
        <translation>&apos;logit_bias&apos; には対応していません。省略してください。</translation>
    </message>
    <message>
        <source>&apos;frequency_penalty&apos; is not supported; use &apos;presence_penalty&apos; or &apos;repetition_penalty&apos; instead.</source>
        <translation>&apos;frequency_penalty&apos; には対応していません。代わりに &apos;presence_penalty&apos; または &apos;repetition_penalty&apos; を使ってください。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is deprecated and not supported; use &apos;tools&apos; instead.</source>
        <translation>&apos;%1&apos; は非推奨で、対応していません。代わりに &apos;tools&apos; を使ってください。</translation>
    </message>
    <message>
        <source>Audio output is not supported; leave out &apos;audio&apos;.</source>
        <translation>音声出力には対応していません。&apos;audio&apos; を省略してください。</translation>
    </message>
    <message>
        <source>Only text output is supported (&apos;modalities&apos;: [&quot;text&quot;]).</source>
        <translation>テキスト出力のみに対応しています（&apos;modalities&apos;: [&quot;text&quot;]）。</translation>
    </message>
    <message>
        <source>&apos;stream_options&apos; is only allowed when &apos;stream&apos; is true.</source>
        <translation>&apos;stream_options&apos; は &apos;stream&apos; が true のときだけ指定できます。</translation>
    </message>
    <message>
        <source>&apos;enable_thinking&apos; and &apos;chat_template_kwargs.enable_thinking&apos; disagree; send one of them.</source>
        <translation>&apos;enable_thinking&apos; と &apos;chat_template_kwargs.enable_thinking&apos; が食い違っています。どちらか一方だけを送ってください。</translation>
    </message>
    <message>
        <source>Invalid &apos;top_k&apos;: expected -1 or 0 (off) or a positive integer, but got %1.</source>
        <translation>&apos;top_k&apos; が無効です: -1 または 0（オフ）または正の整数が必要ですが、%1 が渡されました。</translation>
    </message>
    <message>
        <source>Invalid &apos;seed&apos;: expected a non-negative integer, but got %1.</source>
        <translation>&apos;seed&apos; が無効です: 0 以上の整数が必要ですが、%1 が渡されました。</translation>
    </message>
    <message>
        <source>Invalid &apos;%1&apos;: expected a positive integer, but got %2.</source>
        <translation>&apos;%1&apos; が無効です: 正の整数が必要ですが、%2 が渡されました。</translation>
    </message>
    <message>
        <source>response_format {&quot;type&quot;: &quot;json_object&quot;} is not supported: Lectern&apos;s constrained decoding writes only the properties a schema names. Send {&quot;type&quot;: &quot;json_schema&quot;, &quot;json_schema&quot;: {&quot;name&quot;: ..., &quot;schema&quot;: {&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {...}}}} instead.</source>
        <translation>response_format {&quot;type&quot;: &quot;json_object&quot;} には対応していません: Lectern の制約付きデコードはスキーマが指定するプロパティだけを書き出します。代わりに {&quot;type&quot;: &quot;json_schema&quot;, &quot;json_schema&quot;: {&quot;name&quot;: ..., &quot;schema&quot;: {&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {...}}}} を送ってください。</translation>
    </message>
    <message>
        <source>Invalid value for &apos;response_format.type&apos;: &apos;%1&apos;. Supported values are &apos;text&apos; and &apos;json_schema&apos;.</source>
        <translation>&apos;response_format.type&apos; の値 &apos;%1&apos; は無効です。使える値は &apos;text&apos; と &apos;json_schema&apos; です。</translation>
    </message>
    <message>
        <source>The JSON schema cannot be used for constrained decoding: %1</source>
        <translation>この JSON スキーマは制約付きデコードに使えません: %1</translation>
    </message>
    <message>
        <source>A &apos;tool_choice&apos; that names or forces a function is not supported; use &quot;auto&quot; or &quot;none&quot;.</source>
        <translation>関数を指定または強制する &apos;tool_choice&apos; には対応していません。&quot;auto&quot; または &quot;none&quot; を使ってください。</translation>
    </message>
    <message>
        <source>tool_choice &quot;required&quot; is not supported; use &quot;auto&quot; or &quot;none&quot;.</source>
        <translation>tool_choice &quot;required&quot; には対応していません。&quot;auto&quot; または &quot;none&quot; を使ってください。</translation>
    </message>
    <message>
        <source>Invalid value for &apos;tool_choice&apos;: &apos;%1&apos;. Supported values are &apos;auto&apos; and &apos;none&apos;.</source>
        <translation>&apos;tool_choice&apos; の値 &apos;%1&apos; は無効です。使える値は &apos;auto&apos; と &apos;none&apos; です。</translation>
    </message>
    <message>
        <source>Invalid &apos;%1.type&apos;: only &quot;function&quot; tools are supported.</source>
        <translation>&apos;%1.type&apos; が無効です: &quot;function&quot; ツールのみに対応しています。</translation>
    </message>
    <message>
        <source>The conversation cannot be written in the model&apos;s chat template: %1</source>
        <translation>会話をモデルのチャットテンプレートで書けません: %1</translation>
    </message>
    <message>
        <source>The JSON body is nested more than %1 levels deep; send a flatter request.</source>
        <translation>JSON 本文の入れ子が %1 階層を超えています。より浅いリクエストを送ってください。</translation>
    </message>
    <message>
        <source>We could not parse the JSON body of your request: %1. Send a JSON object in UTF-8.</source>
        <translation>リクエストの JSON 本文を解析できませんでした: %1。UTF-8 の JSON オブジェクトを送ってください。</translation>
    </message>
    <message>
        <source>We could not parse the JSON body of your request: %1</source>
        <translation>リクエストの JSON 本文を解析できませんでした: %1</translation>
    </message>
    <message>
        <source>The request body must be a JSON object, but it is %1.</source>
        <translation>リクエスト本文は JSON オブジェクトである必要がありますが、%1 です。</translation>
    </message>
    <message>
        <source>The request could not be read: %1</source>
        <translation>リクエストを読み取れませんでした: %1</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>an unknown value</source>
        <translation>不明な値</translation>
    </message>
    <message>
        <source>Invalid type for &apos;%1&apos;: expected %2, but got %3 instead.</source>
        <translation>&apos;%1&apos; の型が無効です: %2 が必要ですが、%3 が渡されました。</translation>
    </message>
    <message>
        <source>Missing required parameter: &apos;%1&apos;.</source>
        <translation>必須パラメーターがありません: &apos;%1&apos;。</translation>
    </message>
</context>
<context>
    <name>PageRange</name>
    <message>
        <source>The page range &quot;%1&quot; is not valid: &quot;%2&quot; is not a page number. Use numbers and ranges such as 1-5, 8, 10-.</source>
        <translation>ページ範囲「%1」は無効です: 「%2」はページ番号ではありません。1-5, 8, 10- のような番号と範囲を使ってください。</translation>
    </message>
    <message>
        <source>The page range &quot;%1&quot; is not valid: &quot;%2&quot; is not a range. Use numbers and ranges such as 1-5, 8, 10-.</source>
        <translation>ページ範囲「%1」は無効です: 「%2」は範囲ではありません。1-5, 8, 10- のような番号と範囲を使ってください。</translation>
    </message>
    <message>
        <source>The page range &quot;%1&quot; is not valid: %2 runs backwards.</source>
        <translation>ページ範囲「%1」は無効です: %2 が逆順になっています。</translation>
    </message>
    <message numerus="yes">
        <source>The page range &quot;%1&quot; asks for page %2, but the document has only %n page(s).</source>
        <translation>
            <numerusform>ページ範囲「%1」はページ %2 を指定していますが、ドキュメントには %n ページしかありません。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfImporter</name>
    <message>
        <source>There is no page image %1 in this document.</source>
        <translation>このドキュメントにはページ画像 %1 がありません。</translation>
    </message>
    <message>
        <source>The PDF %1 could not be opened again to render a page; it may have been moved or changed.</source>
        <translation>ページを描画するために PDF %1 を再び開けませんでした。移動または変更された可能性があります。</translation>
    </message>
    <message>
        <source>Page %1 of the PDF could not be read.</source>
        <translation>PDF のページ %1 を読み込めませんでした。</translation>
    </message>
    <message>
        <source>Page %1 of the PDF could not be rendered.</source>
        <translation>PDF のページ %1 を描画できませんでした。</translation>
    </message>
    <message>
        <source>Opening PDF</source>
        <translation>PDF を開いています</translation>
    </message>
    <message>
        <source>The PDF is damaged or incomplete and could not be opened. If it was downloaded, try downloading it again.</source>
        <translation>PDF が破損しているか不完全なため、開けませんでした。ダウンロードしたものなら、もう一度ダウンロードしてください。</translation>
    </message>
    <message>
        <source>This PDF is protected by a password. Enter the password to import it.</source>
        <translation>この PDF はパスワードで保護されています。インポートするにはパスワードを入力してください。</translation>
    </message>
    <message>
        <source>The password is not correct for this PDF. Check it and try again.</source>
        <translation>この PDF のパスワードが正しくありません。確認して、もう一度試してください。</translation>
    </message>
    <message>
        <source>The PDF has no pages.</source>
        <translation>PDF にページがありません。</translation>
    </message>
    <message>
        <source>Only %1 of the %2 selected pages were imported (pages %3 to %4). Choose a page range to import the others.</source>
        <translation>選択した %2 ページのうち %1 ページだけをインポートしました（ページ %3～%4）。残りをインポートするにはページ範囲を選んでください。</translation>
    </message>
    <message>
        <source>Reading page %1 of %2</source>
        <translation>ページ %1 / %2 を読み込んでいます</translation>
    </message>
    <message>
        <source>None of the PDF&apos;s pages could be read; the file is damaged.</source>
        <translation>PDF のどのページも読み込めませんでした。ファイルが破損しています。</translation>
    </message>
    <message>
        <source>Some pages could not be read and were skipped: %1.</source>
        <translation>読み込めずにスキップしたページがあります: %1。</translation>
    </message>
    <message>
        <source>Pages without usable text are sent as images: %1.</source>
        <translation>使えるテキストのないページは画像として送ります: %1。</translation>
    </message>
    <message>
        <source>The PDF has no usable text layer (it may be scanned); all pages are sent as images.</source>
        <translation>PDF に使えるテキストレイヤーがありません（スキャンされたものかもしれません）。すべてのページを画像として送ります。</translation>
    </message>
    <message>
        <source>PDF read</source>
        <translation>PDF を読み込みました</translation>
    </message>
</context>
<context>
    <name>PromptBuilder</name>
    <message>
        <source>%1 is an image. The loaded model cannot see images (it has no vision encoder: load its mmproj file): the file is kept with the conversation, but the answer does not use it.</source>
        <translation>%1 は画像です。読み込んだモデルは画像を見られません（ビジョンエンコーダーがありません。mmproj ファイルを読み込んでください）。ファイルは会話と一緒に保存されますが、回答には使われません。</translation>
    </message>
    <message>
        <source>%1 is a video. The loaded model cannot see videos (it has no vision encoder: load its mmproj file): the file is kept with the conversation, but the answer does not use it.</source>
        <translation>%1 は動画です。読み込んだモデルは動画を見られません（ビジョンエンコーダーがありません。mmproj ファイルを読み込んでください）。ファイルは会話と一緒に保存されますが、回答には使われません。</translation>
    </message>
    <message>
        <source>%1 has no text the model can read, and the loaded model cannot see page images (it has no vision encoder); the answer does not use it.</source>
        <translation>%1 にはモデルが読めるテキストがなく、読み込んだモデルはページ画像を見られません（ビジョンエンコーダーがありません）。回答には使われません。</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) of %1 have no text layer and are left out: the loaded model cannot see page images (it has no vision encoder).</source>
        <translation>
            <numerusform>%1 の %n ページにはテキストレイヤーがないため除外します。読み込んだモデルはページ画像を見られません（ビジョンエンコーダーがありません）。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no decodable pictures; the answer does not use it.</source>
        <translation>%1 にはデコードできる画像がありません。回答には使われません。</translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>ページ %1</translation>
    </message>
    <message>
        <source>image</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>The %1 of %2 cannot be sent to the model (%3); the answer does not use it.</source>
        <translation>%2 の%1をモデルに送れません（%3）。回答には使われません。</translation>
    </message>
    <message>
        <source>its aspect ratio is above 200:1</source>
        <translation>縦横比が 200:1 を超えています</translation>
    </message>
    <message>
        <source>Frame %1 of %2 cannot be decoded (%3); it is left out.</source>
        <translation>%2 のフレーム %1 をデコードできません（%3）。除外します。</translation>
    </message>
    <message>
        <source>The frames of %1 cannot be sent to the model (aspect ratio above 200:1); the answer does not use them.</source>
        <translation>%1 のフレームをモデルに送れません（縦横比 200:1 超）。回答には使われません。</translation>
    </message>
    <message>
        <source>video</source>
        <translation>動画</translation>
    </message>
</context>
<context>
    <name>ReasoningBlock</name>
    <message numerus="yes">
        <source>Thought for %n s</source>
        <translation>
            <numerusform>%n 秒間考えました</numerusform>
        </translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>考えています…</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>推論</translation>
    </message>
    <message>
        <source>Hide the reasoning</source>
        <translation>推論を隠す</translation>
    </message>
    <message>
        <source>Show the reasoning</source>
        <translation>推論を表示</translation>
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
        <translation>プレゼンスペナルティ</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>最大トークン数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <source>Advanced sampling</source>
        <translation>サンプリングの詳細</translation>
    </message>
    <message>
        <source>Empty fields follow the model card (thinking or not, text or images).</source>
        <translation>空欄の項目はモデルカードの値に従います（思考の有無、テキストか画像か）。</translation>
    </message>
    <message>
        <source>default</source>
        <translation>既定値</translation>
    </message>
    <message>
        <source>Use the model card&apos;s values</source>
        <translation>モデルカードの値を使う</translation>
    </message>
</context>
<context>
    <name>ServeCommand</name>
    <message>
        <source>&apos;%1&apos; is not an option; serve takes only options.</source>
        <translation>&apos;%1&apos; はオプションではありません。serve はオプションだけを受け付けます。</translation>
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
        <translation>使い方:
  lectern serve [--model モデル] [--mmproj ファイル] [--device auto|cpu|vulkan] [--context N]
                [--host 127.0.0.1] [--port 8080] [--api-key キー] [--max-body-mb N] [--max-queue N]
                [--no-file-paths]

ウィンドウを開かずに、ローカルの OpenAI 互換 API でモデルを提供します:
GET /health、GET /v1/models、POST /v1/chat/completions（server-sent events によるストリーミング、
data: URL またはファイルパスによる画像、&quot;enable_thinking&quot; による思考、&quot;response_format&quot; の
JSON スキーマ、ツール呼び出し）。リクエストには 1 つのモデルが順番に応答します。
Lectern の会話には何も保存されません。

提供を始めると、標準出力に &quot;Lectern API server listening on http://HOST:PORT (model NAME)&quot; と
書き出します。リクエストごとに 1 行が標準エラー出力に出ます。Ctrl+C（SIGINT）または SIGTERM で
停止します。

  --model モデル       .gguf ファイルまたは HuggingFace のモデルフォルダー（既定: Lectern の設定で
                     選んだモデル）
  --mmproj ファイル    ビジョンプロジェクターの GGUF（既定: モデルの隣で見つかったもの）
  --device デバイス    auto（使えれば Vulkan）、cpu または vulkan（既定: 設定での選択）
  --context N        リクエストごとのコンテキスト長（トークン数、既定: 設定での選択、なければ 8192）
  --host アドレス      待ち受けるアドレス（既定 127.0.0.1: このコンピューターのみ）
  --port N           ポート（既定 8080、0 で空いているポートを選びます）
  --api-key キー       クライアントは &quot;Authorization: Bearer キー&quot; を送る必要があります（既定: 環境変数
                     LECTERN_API_KEY、未設定ならキーなし）
  --max-body-mb N    これより大きいリクエスト本文は 413 で拒否します（既定 64）
  --max-queue N      処理中または待機中のリクエストが N を超えると 429 で拒否します（既定 16）
  --no-file-paths    画像は data: URL のみ: ローカルファイルを指す image_url パーツを拒否します

終了ステータス: シグナルで停止したとき 0、モデルを読み込めないかポートをバインドできないとき 1、
使い方の誤りのとき 2。
</translation>
    </message>
    <message>
        <source>no model is chosen. Give a .gguf file or a model folder with --model, or choose one in Lectern&apos;s settings.</source>
        <translation>モデルが選ばれていません。--model で .gguf ファイルかモデルフォルダーを指定するか、Lectern の設定で選んでください。</translation>
    </message>
    <message>
        <source>the model %1 does not exist. Give a .gguf file or a model folder with --model.</source>
        <translation>モデル %1 は存在しません。--model で .gguf ファイルかモデルフォルダーを指定してください。</translation>
    </message>
    <message>
        <source>warning: listening on %1 without an API key: anyone who can reach this computer can use the model. Set --api-key or LECTERN_API_KEY.</source>
        <translation>警告: API キーなしで %1 を待ち受けています。このコンピューターに到達できる誰もがモデルを使えます。--api-key または LECTERN_API_KEY を設定してください。</translation>
    </message>
    <message>
        <source>the vision projector %1 does not exist. Give an mmproj .gguf file with --mmproj.</source>
        <translation>ビジョンプロジェクター %1 は存在しません。--mmproj で mmproj の .gguf ファイルを指定してください。</translation>
    </message>
    <message>
        <source>cannot create a temporary folder: %1</source>
        <translation>一時フォルダーを作成できません: %1</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>注意: %1</translation>
    </message>
    <message>
        <source>cannot set up the signal handling.</source>
        <translation>シグナル処理を設定できません。</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>停止しています</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Choose a GGUF model file</source>
        <translation>GGUF モデルファイルを選択</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF モデル (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Choose a HuggingFace model folder</source>
        <translation>HuggingFace のモデルフォルダーを選択</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>No model chosen</source>
        <translation>モデルが選ばれていません</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>ファイル…</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>フォルダー…</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>デバイス</translation>
    </message>
    <message>
        <source>Automatic (GPU when available)</source>
        <translation>自動（使えれば GPU）</translation>
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
        <translation>コンテキストサイズ</translation>
    </message>
    <message>
        <source>Limit to</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Limit the context size</source>
        <translation>コンテキストサイズを制限</translation>
    </message>
    <message>
        <source>Context size in tokens</source>
        <translation>コンテキストサイズ（トークン）</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>トークン</translation>
    </message>
    <message>
        <source>KV cache</source>
        <translation>KV キャッシュ</translation>
    </message>
    <message>
        <source>16-bit (best quality)</source>
        <translation>16 ビット（最高品質）</translation>
    </message>
    <message>
        <source>8-bit (half the memory)</source>
        <translation>8 ビット（メモリ半分）</translation>
    </message>
    <message>
        <source>KV cache precision</source>
        <translation>KV キャッシュの精度</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>テーマ</translation>
    </message>
    <message>
        <source>Like the system</source>
        <translation>システムに合わせる</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>The new language is used after Lectern restarts.</source>
        <translation>新しい言語は Lectern の再起動後に使われます。</translation>
    </message>
    <message>
        <source>Use the largest that fits: %1 tokens</source>
        <translation>収まる最大値を使う: %1 トークン</translation>
    </message>
    <message>
        <source>Image resolution</source>
        <translation>画像の解像度</translation>
    </message>
    <message>
        <source>Full (up to 16,384 tokens per picture)</source>
        <translation>最大（1 枚あたり 16,384 トークンまで）</translation>
    </message>
    <message>
        <source>High (up to 4,096 tokens per picture)</source>
        <translation>高（1 枚あたり 4,096 トークンまで）</translation>
    </message>
    <message>
        <source>Medium (up to 1,024 tokens per picture)</source>
        <translation>中（1 枚あたり 1,024 トークンまで）</translation>
    </message>
    <message>
        <source>Low (up to 256 tokens per picture)</source>
        <translation>低（1 枚あたり 256 トークンまで）</translation>
    </message>
    <message>
        <source>Image resolution: the most vision tokens one picture or page image may take</source>
        <translation>画像の解像度: 1 枚の画像またはページ画像が使えるビジョントークンの上限</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>動画</translation>
    </message>
    <message>
        <source>Video frames per second</source>
        <translation>動画の 1 秒あたりのフレーム数</translation>
    </message>
    <message>
        <source>frames per second, at most</source>
        <translation>フレーム/秒（上限）</translation>
    </message>
    <message>
        <source>Most frames sampled from one video</source>
        <translation>1 本の動画からサンプリングする最大フレーム数</translation>
    </message>
    <message>
        <source>frames</source>
        <translation>フレーム</translation>
    </message>
    <message>
        <source>Automatic (the largest that fits the context)</source>
        <translation>自動（コンテキストに収まる最大の解像度）</translation>
    </message>
    <message>
        <source>Local API server</source>
        <translation>ローカル API サーバー</translation>
    </message>
    <message>
        <source>Serve the model to other apps on this computer (OpenAI-compatible API)</source>
        <translation>このコンピューター上の他のアプリにモデルを提供する（OpenAI 互換 API）</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>API server port</source>
        <translation>API サーバーのポート</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API キー</translation>
    </message>
    <message>
        <source>None: every app on this computer may connect</source>
        <translation>なし: このコンピューター上のどのアプリでも接続できます</translation>
    </message>
    <message>
        <source>API key that clients must send</source>
        <translation>クライアントが送信する必要がある API キー</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隠す</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>Hide the API key</source>
        <translation>API キーを隠す</translation>
    </message>
    <message>
        <source>Show the API key</source>
        <translation>API キーを表示</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Generate a random API key</source>
        <translation>ランダムな API キーを生成</translation>
    </message>
    <message>
        <source>An API key cannot contain spaces or characters outside ASCII.</source>
        <translation>API キーには空白や ASCII 以外の文字を使えません。</translation>
    </message>
    <message>
        <source>Clients send it as &quot;Authorization: Bearer &lt;key&gt;&quot;. It is stored in plain text in %1.</source>
        <translation>クライアントは「Authorization: Bearer &lt;key&gt;」として送信します。キーは %1 に平文で保存されます。</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>ベース URL</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>コピーしました</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Copy the base URL</source>
        <translation>ベース URL をコピー</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Start the API server again</source>
        <translation>API サーバーをもう一度起動</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>New chat</source>
        <translation>新しいチャット</translation>
    </message>
    <message>
        <source>New chat (Ctrl+N)</source>
        <translation>新しいチャット (Ctrl+N)</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>会話を検索</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>検索結果</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>会話</translation>
    </message>
    <message>
        <source>No conversation mentions that</source>
        <translation>それに触れている会話はありません</translation>
    </message>
    <message>
        <source>No conversations yet</source>
        <translation>まだ会話はありません</translation>
    </message>
    <message>
        <source>Conversation deleted</source>
        <translation>会話を削除しました</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Undo deleting the conversation</source>
        <translation>会話の削除を元に戻す</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Model: %1</source>
        <translation>モデル: %1</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>モデルを読み込んでいます…</translation>
    </message>
    <message>
        <source>No model chosen</source>
        <translation>モデルが選ばれていません</translation>
    </message>
    <message>
        <source>Device: CPU</source>
        <translation>デバイス: CPU</translation>
    </message>
    <message>
        <source>Device: GPU (Vulkan)</source>
        <translation>デバイス: GPU (Vulkan)</translation>
    </message>
    <message>
        <source>Device: automatic</source>
        <translation>デバイス: 自動</translation>
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
        <translation>CPU を使用中: Vulkan GPU が見つかりませんでした</translation>
    </message>
    <message>
        <source>Using the CPU: %1</source>
        <translation>CPU を使用中: %1</translation>
    </message>
    <message>
        <source>Backend: %1</source>
        <translation>バックエンド: %1</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>デバイス: %1</translation>
    </message>
    <message>
        <source>Memory: %1</source>
        <translation>メモリ: %1</translation>
    </message>
    <message>
        <source>Context: %1 tokens (up to %2 fit)</source>
        <translation>コンテキスト: %1 トークン（最大 %2 まで収まります）</translation>
    </message>
    <message>
        <source>KV cache: %1</source>
        <translation>KV キャッシュ: %1</translation>
    </message>
    <message>
        <source>Why the CPU: %1</source>
        <translation>CPU を使う理由: %1</translation>
    </message>
    <message>
        <source>%1. Open the API server settings</source>
        <translation>%1。API サーバーの設定を開く</translation>
    </message>
</context>
<context>
    <name>StreamingImageDecoder</name>
    <message>
        <source>The image file could not be opened.</source>
        <translation>画像ファイルを開けませんでした。</translation>
    </message>
    <message>
        <source>This kind of BMP file cannot be decoded at reduced size; save it as PNG or JPEG, or make it smaller.</source>
        <translation>この種の BMP ファイルは縮小してデコードできません。PNG か JPEG で保存するか、画像を小さくしてください。</translation>
    </message>
    <message>
        <source>This kind of BMP file (compressed) cannot be decoded at reduced size; save it as PNG or JPEG, or make it smaller.</source>
        <translation>この種の BMP ファイル（圧縮形式）は縮小してデコードできません。PNG か JPEG で保存するか、画像を小さくしてください。</translation>
    </message>
    <message>
        <source>Lectern cannot decode %1 images at reduced size.</source>
        <translation>Lectern は %1 画像を縮小してデコードできません。</translation>
    </message>
    <message>
        <source>The image is damaged or incomplete and could not be decoded (%1).</source>
        <translation>画像が破損しているか不完全なため、デコードできませんでした（%1）。</translation>
    </message>
    <message>
        <source>The image file could not be read: %1</source>
        <translation>画像ファイルを読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>Not enough memory to decode the image.</source>
        <translation>画像をデコードするためのメモリが足りません。</translation>
    </message>
</context>
<context>
    <name>TextImporter</name>
    <message>
        <source>Reading text</source>
        <translation>テキストを読み込んでいます</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>ファイルを読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>The text file grew past the size limit while it was read.</source>
        <translation>読み込み中にテキストファイルがサイズの上限を超えました。</translation>
    </message>
    <message>
        <source>The file is not valid UTF-8; it was read as Latin-1 (ISO-8859-1). If characters look wrong, save it as UTF-8 and import it again.</source>
        <translation>ファイルが有効な UTF-8 ではないため、Latin-1 (ISO-8859-1) として読み込みました。文字化けしている場合は UTF-8 で保存し直して、もう一度インポートしてください。</translation>
    </message>
    <message>
        <source>The file contains byte sequences that are invalid in %1; they were replaced.</source>
        <translation>ファイルに %1 として無効なバイト列が含まれていたため、置き換えました。</translation>
    </message>
    <message>
        <source>The HTML file is %1 MiB; Lectern reads HTML files up to %2 MiB. Save the page as plain text to import it.</source>
        <translation>HTML ファイルのサイズは %1 MiB です。Lectern が読める HTML ファイルは %2 MiB までです。インポートするにはページをプレーンテキストで保存してください。</translation>
    </message>
    <message>
        <source>Extracting text from HTML</source>
        <translation>HTML からテキストを抽出しています</translation>
    </message>
    <message>
        <source>The file is not valid JSON (%1 at character %2); it is used as plain text.</source>
        <translation>ファイルが有効な JSON ではないため（%2 文字目で %1）、プレーンテキストとして使います。</translation>
    </message>
    <message>
        <source>The file contains no text.</source>
        <translation>ファイルにテキストがありません。</translation>
    </message>
    <message>
        <source>Text read</source>
        <translation>テキストを読み込みました</translation>
    </message>
</context>
<context>
    <name>VideoImporter</name>
    <message>
        <source>There is no sampled frame %1 in this video.</source>
        <translation>この動画にはサンプリングしたフレーム %1 がありません。</translation>
    </message>
    <message>
        <source>The video could not be opened again to decode a frame.</source>
        <translation>フレームをデコードするために動画を再び開けませんでした。</translation>
    </message>
    <message>
        <source>Opening video</source>
        <translation>動画を開いています</translation>
    </message>
    <message>
        <source>The video stream has no valid frame size; the file is damaged.</source>
        <translation>動画ストリームのフレームサイズが無効です。ファイルが破損しています。</translation>
    </message>
    <message>
        <source>The video frames are %1 x %2 pixels; Lectern reads videos up to %3 pixels per side.</source>
        <translation>動画のフレームは %1 × %2 ピクセルです。Lectern が読める動画は 1 辺 %3 ピクセルまでです。</translation>
    </message>
    <message>
        <source>The video claims to last %1 s; Lectern reads videos up to %2 s. Cut it into shorter clips.</source>
        <translation>動画の長さは %1 秒とされています。Lectern が読める動画は %2 秒までです。短いクリップに分割してください。</translation>
    </message>
    <message>
        <source>Reading frame timestamps</source>
        <translation>フレームのタイムスタンプを読み込んでいます</translation>
    </message>
    <message>
        <source>The video stream contains no frames.</source>
        <translation>動画ストリームにフレームがありません。</translation>
    </message>
    <message>
        <source>The video is long: %1 frames spread evenly over it were sampled (the frame budget), fewer than %2 per second.</source>
        <translation>動画が長いため、全体から均等に %1 フレーム（フレーム数の上限）をサンプリングしました。1 秒あたり %2 フレーム未満です。</translation>
    </message>
    <message>
        <source>Decoding a test frame</source>
        <translation>テスト用のフレームをデコードしています</translation>
    </message>
    <message>
        <source>The video&apos;s frames could not be decoded; the file is damaged. %1</source>
        <translation>動画のフレームをデコードできませんでした。ファイルが破損しています。%1</translation>
    </message>
    <message>
        <source>Video read</source>
        <translation>動画を読み込みました</translation>
    </message>
</context>
<context>
    <name>VideoReader</name>
    <message>
        <source>Not enough memory to open the video.</source>
        <translation>動画を開くためのメモリが足りません。</translation>
    </message>
    <message>
        <source>The video file is damaged, incomplete or in a container Lectern does not read (%1). MP4, WebM, Matroska, QuickTime and AVI files are supported.</source>
        <translation>動画ファイルが破損している、不完全である、または Lectern が読めないコンテナー形式です（%1）。MP4、WebM、Matroska、QuickTime、AVI ファイルに対応しています。</translation>
    </message>
    <message>
        <source>The video&apos;s streams could not be read; the file is damaged (%1).</source>
        <translation>動画のストリームを読み込めませんでした。ファイルが破損しています（%1）。</translation>
    </message>
    <message>
        <source>The file contains no video stream (it may be audio only). Lectern imports video files.</source>
        <translation>ファイルに動画ストリームがありません（音声のみかもしれません）。Lectern がインポートするのは動画ファイルです。</translation>
    </message>
    <message>
        <source>The video stream has an invalid time base; the file is damaged.</source>
        <translation>動画ストリームのタイムベースが無効です。ファイルが破損しています。</translation>
    </message>
    <message>
        <source>The video uses the %1 codec, which this installation cannot decode. Convert it to H.264 or VP9.</source>
        <translation>この動画はコーデック %1 を使っていますが、このインストールではデコードできません。H.264 か VP9 に変換してください。</translation>
    </message>
    <message>
        <source>Not enough memory to open the video decoder.</source>
        <translation>動画デコーダーを開くためのメモリが足りません。</translation>
    </message>
    <message>
        <source>The %1 video decoder could not be started (%2).</source>
        <translation>動画デコーダー %1 を開始できませんでした（%2）。</translation>
    </message>
    <message>
        <source>The video has more than %1 frames, more than Lectern reads from one file. Cut it into shorter clips.</source>
        <translation>動画のフレーム数が %1 を超えており、Lectern が 1 つのファイルから読める数を超えています。短いクリップに分割してください。</translation>
    </message>
    <message>
        <source>A video frame could not be converted to an image.</source>
        <translation>動画のフレームを画像に変換できませんでした。</translation>
    </message>
    <message>
        <source>Decoding was stopped.</source>
        <translation>デコードは停止されました。</translation>
    </message>
    <message>
        <source>The video stream is damaged and could not be decoded (%1).</source>
        <translation>動画ストリームが破損しているため、デコードできませんでした（%1）。</translation>
    </message>
    <message>
        <source>The video is not open.</source>
        <translation>動画が開かれていません。</translation>
    </message>
    <message>
        <source>The frame at %1 s could not be decoded; the video may be truncated.</source>
        <translation>%1 秒の位置のフレームをデコードできませんでした。動画が途中で切れている可能性があります。</translation>
    </message>
</context>
<context>
    <name>lectern::app::ModelDownloader</name>
    <message>
        <source>The download address &quot;%1&quot; is not an http or https address. Correct it in Settings.</source>
        <translation>ダウンロード元のアドレス「%1」は http または https のアドレスではありません。設定で修正してください。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Choose a folder you can write to.</source>
        <translation>%1 に書き込めません: %2。書き込みできるフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Free some disk space and start the download again.</source>
        <translation>%1 に書き込めません: %2。ディスクの空き容量を増やして、ダウンロードをやり直してください。</translation>
    </message>
    <message>
        <source>Download paused. Start it again to continue where it stopped.</source>
        <translation>ダウンロードを一時停止しました。もう一度開始すると、止まったところから続けます。</translation>
    </message>
    <message>
        <source>The server answered %1 %2 for %3. Check the download address in Settings.</source>
        <translation>サーバーは %3 に対して %1 %2 を返しました。設定でダウンロード元のアドレスを確認してください。</translation>
    </message>
    <message>
        <source>The download stopped after %1 bytes: %2. Start it again to resume.</source>
        <translation>ダウンロードは %1 バイトで止まりました: %2。もう一度開始すると再開します。</translation>
    </message>
    <message>
        <source>The connection closed after %1 of %2 bytes. Start the download again to resume.</source>
        <translation>%2 バイト中 %1 バイトの時点で接続が切れました。ダウンロードをもう一度開始すると再開します。</translation>
    </message>
    <message>
        <source>Cannot read the downloaded file %1 to check it.</source>
        <translation>確認のためにダウンロードしたファイル %1 を読み込めません。</translation>
    </message>
    <message>
        <source>The downloaded file is damaged: its SHA-256 is %1, expected %2. It was deleted; download it again or check the address and checksum in Settings.</source>
        <translation>ダウンロードしたファイルが破損しています: SHA-256 は %1 でしたが、%2 のはずでした。ファイルは削除しました。もう一度ダウンロードするか、設定でアドレスとチェックサムを確認してください。</translation>
    </message>
    <message>
        <source>Cannot move the download to %1.</source>
        <translation>ダウンロードしたファイルを %1 に移動できません。</translation>
    </message>
</context>
<context>
    <name>lectern::chat</name>
    <message>
        <source>The request was cancelled before it started.</source>
        <translation>リクエストは開始前にキャンセルされました。</translation>
    </message>
    <message>
        <source>No model is loaded. Load a model in Lectern (or start `lectern serve` with --model) and send the request again.</source>
        <translation>モデルが読み込まれていません。Lectern でモデルを読み込む（または --model を付けて `lectern serve` を起動する）と、リクエストをもう一度送れます。</translation>
    </message>
    <message>
        <source>The request cannot be turned into a prompt: %1</source>
        <translation>リクエストをプロンプトにできません: %1</translation>
    </message>
    <message>
        <source>The messages take %1 tokens, but the model&apos;s context holds %2. Send fewer or shorter messages, or load the model with a longer context.</source>
        <translation>メッセージは %1 トークンですが、モデルのコンテキストには %2 トークンしか入りません。メッセージを減らすか短くするか、より長いコンテキストでモデルを読み込んでください。</translation>
    </message>
    <message>
        <source>The model cannot answer this request: %1</source>
        <translation>モデルはこのリクエストに応答できません: %1</translation>
    </message>
</context>
<context>
    <name>lectern::chat::ChatService</name>
    <message>
        <source>The request was cancelled: Lectern is shutting down.</source>
        <translation>リクエストはキャンセルされました: Lectern を終了しています。</translation>
    </message>
</context>
<context>
    <name>lectern::chat::TurnRunner</name>
    <message>
        <source>Cannot load the model %1: %2</source>
        <translation>モデル %1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>Cannot start a session with the model %1: %2</source>
        <translation>モデル %1 でセッションを開始できません: %2</translation>
    </message>
    <message>
        <source>The question was cancelled before it was sent.</source>
        <translation>質問は送信前にキャンセルされました。</translation>
    </message>
    <message>
        <source>No model is loaded. Load a model before asking.</source>
        <translation>モデルが読み込まれていません。質問する前にモデルを読み込んでください。</translation>
    </message>
    <message>
        <source>The question is empty. Type a question to ask.</source>
        <translation>質問が空です。質問を入力してください。</translation>
    </message>
    <message>
        <source>Cannot open the database %1 for writing: %2</source>
        <translation>データベース %1 を書き込み用に開けません: %2</translation>
    </message>
    <message>
        <source>There is no conversation %1 in %2. Leave out the conversation to start a new one.</source>
        <translation>%2 に会話 %1 はありません。新しい会話を始めるには会話の指定を省いてください。</translation>
    </message>
    <message>
        <source>%1 cannot be attached: %2</source>
        <translation>%1 を添付できません: %2</translation>
    </message>
    <message>
        <source>Cannot build the prompt: %1</source>
        <translation>プロンプトを作成できません: %1</translation>
    </message>
    <message>
        <source>The conversation and its attachments take %1 tokens, but the context holds %2. Attach less, start a new conversation or load the model with a longer context.</source>
        <translation>会話と添付ファイルで %1 トークンになりますが、コンテキストに入るのは %2 トークンです。添付を減らすか、新しい会話を始めるか、より長いコンテキストでモデルを読み込んでください。</translation>
    </message>
    <message>
        <source>Cannot save the question: %1</source>
        <translation>質問を保存できません: %1</translation>
    </message>
    <message>
        <source>Cannot save the answer: %1</source>
        <translation>回答を保存できません: %1</translation>
    </message>
    <message>
        <source>Generation failed: %1</source>
        <translation>生成に失敗しました: %1</translation>
    </message>
    <message>
        <source>Unknown KV cache precision &quot;%1&quot;: choose f16 or q8_0.</source>
        <translation>不明な KV キャッシュの精度「%1」です。f16 か q8_0 を選んでください。</translation>
    </message>
    <message>
        <source>The image budget was not changed: %1</source>
        <translation>画像の上限は変更されませんでした: %1</translation>
    </message>
    <message>
        <source>No model is loaded, so the prompt cannot be estimated.</source>
        <translation>モデルが読み込まれていないため、プロンプトを見積もれません。</translation>
    </message>
    <message>
        <source>Cannot estimate the prompt: %1</source>
        <translation>プロンプトを見積もれません: %1</translation>
    </message>
    <message numerus="yes">
        <source>The pictures of the %n earliest question(s) with pictures are left out: the whole conversation does not fit the context otherwise.</source>
        <translation>
            <numerusform>画像付きの最も古い %n 件の質問の画像は送信しません。そうしないと会話全体がコンテキストに収まりません。</numerusform>
        </translation>
    </message>
    <message>
        <source>The pictures of earlier questions are sent at lower resolution so that the whole conversation fits the context.</source>
        <translation>会話全体がコンテキストに収まるよう、以前の質問の画像は低い解像度で送信します。</translation>
    </message>
    <message>
        <source>The pictures of %1 from an earlier question are not sent again: the file is gone or has changed since.</source>
        <translation>以前の質問の %1 の画像は再送信しません。ファイルが見つからないか、その後変更されています。</translation>
    </message>
</context>
<context>
    <name>lectern::extract::ExtractionService</name>
    <message>
        <source>The database cannot be opened.</source>
        <translation>データベースを開けません。</translation>
    </message>
    <message>
        <source>Extraction job %1 is running.</source>
        <translation>抽出ジョブ %1 を実行中です。</translation>
    </message>
</context>
<context>
    <name>lectern::extract::ExtractionWorker</name>
    <message>
        <source>Cannot load the model %1: %2</source>
        <translation>モデル %1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>Cannot start a session with the model %1: %2</source>
        <translation>モデル %1 でセッションを開始できません: %2</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation>データベース %1 を開けません: %2</translation>
    </message>
    <message>
        <source>No model is loaded. Load a model before extracting.</source>
        <translation>モデルが読み込まれていません。抽出する前にモデルを読み込んでください。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>%1 has no text to extract from (image-only pages are not read yet).</source>
        <translation>%1 には抽出できるテキストがありません（画像だけのページはまだ読み込めません）。</translation>
    </message>
    <message>
        <source>Extraction failed: %1</source>
        <translation>抽出に失敗しました: %1</translation>
    </message>
    <message>
        <source>page %1: the answer is not complete JSON (%2); raise the token limit</source>
        <translation>ページ %1: 回答が完全な JSON になっていません（%2）。トークン数の上限を上げてください</translation>
    </message>
</context>
<context>
    <name>lectern::server::ApiServer</name>
    <message>
        <source>Port %1 on %2 needs administrator rights. Choose a port above 1023.</source>
        <translation>%2 のポート %1 には管理者権限が必要です。1023 より大きいポートを選んでください。</translation>
    </message>
    <message>
        <source>Cannot listen on %1 port %2: %3. Check that the address belongs to this computer (127.0.0.1 for this computer only).</source>
        <translation>%1 のポート %2 で待ち受けできません: %3。アドレスがこのコンピューターのものか確認してください（このコンピューターだけなら 127.0.0.1）。</translation>
    </message>
    <message>
        <source>the address is not usable</source>
        <translation>アドレスを使用できません</translation>
    </message>
    <message>
        <source>Port %1 on %2 is in use by another program. Choose another port, or stop the other program.</source>
        <translation>%2 のポート %1 は別のプログラムが使用中です。別のポートを選ぶか、そのプログラムを終了してください。</translation>
    </message>
</context>
<context>
    <name>lectern::ui</name>
    <message>
        <source>&apos;%1&apos; is not a value of type %2.</source>
        <translation>「%1」は %2 型の値ではありません。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of: %2.</source>
        <translation>「%1」は次のいずれでもありません: %2。</translation>
    </message>
</context>
<context>
    <name>lectern::ui::AppSettings</name>
    <message>
        <source>System language</source>
        <translation>システムの言語</translation>
    </message>
</context>
<context>
    <name>lectern::ui::AttachmentListModel</name>
    <message>
        <source>1 page</source>
        <translation>1 ページ</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 ページ</translation>
    </message>
    <message>
        <source>1 frame</source>
        <translation>1 フレーム</translation>
    </message>
    <message>
        <source>%1 frames</source>
        <translation>%1 フレーム</translation>
    </message>
    <message>
        <source>image</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>text</source>
        <translation>テキスト</translation>
    </message>
</context>
<context>
    <name>lectern::ui::AttachmentResender</name>
    <message>
        <source>%1 has no stored text, so it is not sent again.</source>
        <translation>%1 には保存されたテキストがないため、再送信しません。</translation>
    </message>
    <message>
        <source>%1 has changed or is gone, and no text of it is stored, so it is not sent again.</source>
        <translation>%1 は変更されたか見つからず、テキストも保存されていないため、再送信しません。</translation>
    </message>
    <message>
        <source>%1 has changed since it was sent, so it is not sent again. Attach it again to ask about the new version.</source>
        <translation>%1 は送信後に変更されたため、再送信しません。新しい版について質問するには、もう一度添付してください。</translation>
    </message>
    <message>
        <source>%1 cannot be read again (%2), so it is not sent again.</source>
        <translation>%1 を再度読み込めないため（%2）、再送信しません。</translation>
    </message>
</context>
<context>
    <name>lectern::ui::ChatController</name>
    <message>
        <source>No database is open, so no model can be used.</source>
        <translation>データベースが開かれていないため、モデルを使えません。</translation>
    </message>
    <message>
        <source>Cannot read the conversations: %1</source>
        <translation>会話を読み込めません: %1</translation>
    </message>
    <message>
        <source>Cannot read the conversation: %1</source>
        <translation>会話を読み込めません: %1</translation>
    </message>
    <message>
        <source>Cannot rename the conversation: %1</source>
        <translation>会話の名前を変更できません: %1</translation>
    </message>
    <message>
        <source>Cannot delete the conversation: %1</source>
        <translation>会話を削除できません: %1</translation>
    </message>
    <message>
        <source>Cannot save the thinking setting: %1</source>
        <translation>思考の設定を保存できません: %1</translation>
    </message>
    <message>
        <source>Cannot search: %1</source>
        <translation>検索できません: %1</translation>
    </message>
    <message>
        <source>No database is open, so nothing can be asked or kept.</source>
        <translation>データベースが開かれていないため、質問も保存もできません。</translation>
    </message>
    <message>
        <source>Wait for the answer, or stop it, before asking again.</source>
        <translation>もう一度質問する前に、回答を待つか停止してください。</translation>
    </message>
    <message>
        <source>No model is loaded. Open a model before asking.</source>
        <translation>モデルが読み込まれていません。質問する前にモデルを開いてください。</translation>
    </message>
    <message>
        <source>Cannot remove the old answer: %1</source>
        <translation>以前の回答を削除できません: %1</translation>
    </message>
</context>
<context>
    <name>lectern::ui::ExtractionController</name>
    <message>
        <source>The database cannot be opened, so the change cannot be kept.</source>
        <translation>データベースを開けないため、変更を保存できません。</translation>
    </message>
    <message>
        <source>There is no built-in template named &apos;%1&apos;.</source>
        <translation>「%1」という組み込みテンプレートはありません。</translation>
    </message>
    <message>
        <source>%1 is not a file that can be read.</source>
        <translation>%1 は読み込めるファイルではありません。</translation>
    </message>
    <message>
        <source>Extraction needs the database, which could not be opened.</source>
        <translation>抽出にはデータベースが必要ですが、開けませんでした。</translation>
    </message>
    <message>
        <source>Nothing to extract: add files first.</source>
        <translation>抽出するものがありません。先にファイルを追加してください。</translation>
    </message>
    <message>
        <source>Choose a model first (Settings → Model).</source>
        <translation>先にモデルを選んでください（設定 → モデル）。</translation>
    </message>
    <message>
        <source>The file of this record is not in the extraction queue, so it cannot be re-run.</source>
        <translation>このレコードのファイルは抽出キューにないため、再実行できません。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>Cannot save the change: %1</source>
        <translation>変更を保存できません: %1</translation>
    </message>
    <message>
        <source>Cannot queue the files: %1</source>
        <translation>ファイルをキューに追加できません: %1</translation>
    </message>
    <message>
        <source>Extraction job %1 is running.</source>
        <translation>抽出ジョブ %1 を実行中です。</translation>
    </message>
</context>
<context>
    <name>lectern::ui::ExtractionRecordModel</name>
    <message>
        <source>Source file</source>
        <translation>元のファイル</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>ページ</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>lectern::ui::ModelSetup</name>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 は存在しません。</translation>
    </message>
    <message>
        <source>The folder %1 has no config.json: choose a HuggingFace model folder.</source>
        <translation>フォルダー %1 に config.json がありません。HuggingFace のモデルフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>%1 is not a GGUF model file.</source>
        <translation>%1 は GGUF モデルファイルではありません。</translation>
    </message>
    <message>
        <source>%1 is a %2 model; Lectern runs Qwen3.5 models.</source>
        <translation>%1 は %2 モデルです。Lectern が実行するのは Qwen3.5 モデルです。</translation>
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
        <translation>API サーバーを起動しています…</translation>
    </message>
    <message>
        <source>API server could not start</source>
        <translation>API サーバーを起動できませんでした</translation>
    </message>
    <message>
        <source>API: %1, %2</source>
        <translation>API: %1、%2</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) running</source>
        <translation>
            <numerusform>%n 件のリクエストを処理中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n 件が待機中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>API: %n request(s) running</source>
        <translation>
            <numerusform>API: %n 件のリクエストを処理中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>API: %n request(s) waiting</source>
        <translation>
            <numerusform>API: %n 件のリクエストが待機中</numerusform>
        </translation>
    </message>
    <message>
        <source>API server on :%1</source>
        <translation>API サーバー :%1 で稼働中</translation>
    </message>
    <message>
        <source>Not available: no database could be opened.</source>
        <translation>利用できません: データベースを開けませんでした。</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>起動しています…</translation>
    </message>
    <message>
        <source>Could not start: %1</source>
        <translation>起動できませんでした: %1</translation>
    </message>
    <message>
        <source>Listening on %1 · %2</source>
        <translation>%1 で待ち受け中 · %2</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>%1 で待ち受け中</translation>
    </message>
    <message>
        <source>The local API server could not start: %1</source>
        <translation>ローカル API サーバーを起動できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Conversations cannot be kept: %1</source>
        <translation>会話を保存できません: %1</translation>
    </message>
    <message>
        <source>lectern: cannot draw the window: %1
If this computer has no working OpenGL driver, start Lectern with QT_QUICK_BACKEND=software.</source>
        <translation>lectern: ウィンドウを描画できません: %1
このコンピューターに正しく動く OpenGL ドライバーがない場合は、QT_QUICK_BACKEND=software を付けて Lectern を起動してください。</translation>
    </message>
</context>
</TS>
