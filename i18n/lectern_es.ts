<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Lectern</source>
        <translation>Acerca de Lectern</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Versión %1</translation>
    </message>
    <message>
        <source>Ask questions about your PDFs, images and videos with a Qwen3.5 model running on this computer.</source>
        <translation>Haga preguntas sobre sus PDF, imágenes y vídeos a un modelo Qwen3.5 que se ejecuta en este ordenador.</translation>
    </message>
    <message>
        <source>Compute devices</source>
        <translation>Dispositivos de cálculo</translation>
    </message>
    <message>
        <source>Looking for devices…</source>
        <translation>Buscando dispositivos…</translation>
    </message>
    <message>
        <source>Built with</source>
        <translation>Creado con</translation>
    </message>
    <message>
        <source>%1 %2 — licence: %3</source>
        <translation>%1 %2 — licencia: %3</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy these details</source>
        <translation>Copiar estos datos</translation>
    </message>
</context>
<context>
    <name>AboutInfo</name>
    <message>
        <source> — used by Lectern</source>
        <translation> — en uso por Lectern</translation>
    </message>
    <message>
        <source> — not usable: %1</source>
        <translation> — no utilizable: %1</translation>
    </message>
    <message>
        <source>No Vulkan device</source>
        <translation>Ningún dispositivo Vulkan</translation>
    </message>
    <message>
        <source>Compute devices:</source>
        <translation>Dispositivos de cálculo:</translation>
    </message>
    <message>
        <source>Built with:</source>
        <translation>Creado con:</translation>
    </message>
</context>
<context>
    <name>ApiErrors</name>
    <message>
        <source>The HTTP request is malformed. Send a valid HTTP/1.1 request.</source>
        <translation>La solicitud HTTP está mal formada. Envíe una solicitud HTTP/1.1 válida.</translation>
    </message>
    <message>
        <source>There is no %1 here. This server answers GET /health, GET /v1/models and POST /v1/chat/completions.</source>
        <translation>Aquí no hay ningún %1. Este servidor responde a GET /health, GET /v1/models y POST /v1/chat/completions.</translation>
    </message>
    <message>
        <source>The request body is larger than this server accepts (%1 MiB). Send smaller pictures or fewer messages, or raise the limit.</source>
        <translation>El cuerpo de la solicitud es mayor de lo que acepta este servidor (%1 MiB). Envíe imágenes más pequeñas o menos mensajes, o aumente el límite.</translation>
    </message>
    <message>
        <source>The request failed with HTTP status %1.</source>
        <translation>La solicitud falló con el estado HTTP %1.</translation>
    </message>
    <message>
        <source>The API key is not the one this server was started with. Send the right key as &quot;Authorization: Bearer &lt;key&gt;&quot;.</source>
        <translation>La clave de API no es la que se usó al iniciar este servidor. Envíe la clave correcta como &quot;Authorization: Bearer &lt;key&gt;&quot;.</translation>
    </message>
    <message>
        <source>This server needs an API key. Send it as the header &quot;Authorization: Bearer &lt;key&gt;&quot;.</source>
        <translation>Este servidor necesita una clave de API. Envíela en la cabecera &quot;Authorization: Bearer &lt;key&gt;&quot;.</translation>
    </message>
    <message>
        <source>%1 does not take %2; use %3.</source>
        <translation>%1 no admite %2; use %3.</translation>
    </message>
    <message>
        <source>The server is busy with %1 requests (the most it queues). Retry once one has finished.</source>
        <translation>El servidor está ocupado con %1 solicitudes (el máximo que pone en cola). Vuelva a intentarlo cuando termine una.</translation>
    </message>
    <message>
        <source>No model is loaded. Load a model in Lectern (or start `lectern serve` with --model) and send the request again.</source>
        <translation>No hay ningún modelo cargado. Cargue un modelo en Lectern (o inicie `lectern serve` con --model) y vuelva a enviar la solicitud.</translation>
    </message>
    <message>
        <source>The server is stopping. Send the request again once it is back.</source>
        <translation>El servidor se está deteniendo. Vuelva a enviar la solicitud cuando esté de nuevo en marcha.</translation>
    </message>
    <message>
        <source>The server failed on this request (%1). Other requests are not affected; please report this.</source>
        <translation>El servidor falló con esta solicitud (%1). Las demás solicitudes no se ven afectadas; informe de ello, por favor.</translation>
    </message>
    <message>
        <source>Generation failed: %1</source>
        <translation>La generación falló: %1</translation>
    </message>
    <message>
        <source>The request was cancelled: the server is stopping.</source>
        <translation>La solicitud se canceló: el servidor se está deteniendo.</translation>
    </message>
    <message>
        <source>The client closed the connection before the answer was ready; the completion was cancelled.</source>
        <translation>El cliente cerró la conexión antes de que la respuesta estuviera lista; la generación se canceló.</translation>
    </message>
</context>
<context>
    <name>AppHeader</name>
    <message>
        <source>Version %1</source>
        <translation>Versión %1</translation>
    </message>
    <message>
        <source>Conversation: %1</source>
        <translation>Conversación: %1</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Acerca de</translation>
    </message>
    <message>
        <source>About Lectern</source>
        <translation>Acerca de Lectern</translation>
    </message>
    <message>
        <source>About Lectern (F1)</source>
        <translation>Acerca de Lectern (F1)</translation>
    </message>
    <message>
        <source>Extract</source>
        <translation>Extraer</translation>
    </message>
    <message>
        <source>Extract data from files</source>
        <translation>Extraer datos de archivos</translation>
    </message>
    <message>
        <source>Extract tables of data from files (Ctrl+E)</source>
        <translation>Extraer tablas de datos de archivos (Ctrl+E)</translation>
    </message>
</context>
<context>
    <name>AskCommand</name>
    <message>
        <source>--seed takes a whole number from 0 to 18446744073709551615, not &apos;%1&apos;.</source>
        <translation>--seed admite un número entero de 0 a 18446744073709551615, no «%1».</translation>
    </message>
    <message>
        <source>--model is required.</source>
        <translation>--model es obligatorio.</translation>
    </message>
    <message>
        <source>no question given.</source>
        <translation>no se ha indicado ninguna pregunta.</translation>
    </message>
    <message>
        <source>give the question as one argument (in quotes); &apos;%1&apos; is extra.</source>
        <translation>indique la pregunta como un solo argumento (entre comillas); «%1» sobra.</translation>
    </message>
    <message>
        <source>the question is empty.</source>
        <translation>la pregunta está vacía.</translation>
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
        <translation>Uso:
  lectern ask --model MODELO [--mmproj ARCHIVO] [--think] [--attach ARCHIVO]... [--db RUTA] [--conversation ID]
              [--device auto|cpu|vulkan] [--max-tokens N] [--seed N] [--greedy] [--context N]
              &quot;PREGUNTA&quot;

Hace una pregunta sin abrir ninguna ventana, con la misma importación, prompt, motor y almacenamiento
que la ventana, y guarda el turno en la base de datos.

Salida: la respuesta se transmite por la salida estándar. El razonamiento del modelo (--think) va a la
salida de error estándar, igual que los avisos, las estadísticas y, al final, la línea &quot;conversation ID&quot;:
pase ese ID a --conversation para hacer una pregunta de seguimiento en la misma conversación.

  --model MODELO       un archivo .gguf o una carpeta de modelo de HuggingFace
  --think              modo de razonamiento: el modelo razona antes de responder
  --mmproj ARCHIVO     el GGUF del proyector de visión (predeterminado: la torre de visión de la carpeta
                       del modelo, o mmproj-&lt;nombre del modelo&gt;.gguf junto a un modelo GGUF)
  --attach ARCHIVO     un archivo para la pregunta (repetible): el texto de PDF y archivos de texto; imágenes,
                       páginas de PDF escaneadas y fotogramas de vídeo si el modelo tiene codificador de visión
                       (sin él se guardan con el turno y un aviso lo indica)
  --db RUTA            la base de datos (predeterminada: %1)
  --conversation ID    continuar esta conversación (su historial se envía de nuevo)
  --device DISPOSITIVO auto (Vulkan si está disponible), cpu o vulkan (predeterminado auto)
  --max-tokens N       parar tras N tokens generados, razonamiento incluido
  --seed N             semilla de muestreo: la misma pregunta da la misma respuesta en el mismo dispositivo
  --greedy             tomar siempre el token más probable (determinista sin semilla)
  --context N          longitud del contexto en tokens (predeterminada 8192)

Estado de salida: 0 si la respuesta está completa o alcanzó --max-tokens, 1 si hay un error, 2 si hay un
error de uso.
</translation>
    </message>
    <message>
        <source>the model %1 does not exist. Give a .gguf file or a model folder with --model.</source>
        <translation>el modelo %1 no existe. Indique un archivo .gguf o una carpeta de modelo con --model.</translation>
    </message>
    <message>
        <source>there is no conversation %1 in %2. Leave out --conversation to start a new one.</source>
        <translation>no hay ninguna conversación %1 en %2. Omita --conversation para empezar una nueva.</translation>
    </message>
    <message>
        <source>cannot attach %1: %2</source>
        <translation>no se puede adjuntar %1: %2</translation>
    </message>
    <message>
        <source>warning: %1: %2</source>
        <translation>aviso: %1: %2</translation>
    </message>
    <message>
        <source>the vision projector %1 does not exist. Give an mmproj .gguf file with --mmproj.</source>
        <translation>el proyector de visión %1 no existe. Indique un archivo mmproj .gguf con --mmproj.</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>aviso: %1</translation>
    </message>
    <message>
        <source>conversation %1</source>
        <translation>conversación %1</translation>
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
        <translation>%1, %2, unos %3 tokens</translation>
    </message>
    <message>
        <source>Reading… %1%</source>
        <translation>Leyendo… %1 %</translation>
    </message>
    <message>
        <source>%1 · %2 tokens</source>
        <translation>%1 · %2 tokens</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automático</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Page images</source>
        <translation>Imágenes de página</translation>
    </message>
    <message>
        <source>How to send %1</source>
        <translation>Cómo enviar %1</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Quitar %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
</context>
<context>
    <name>AttachmentRepository</name>
    <message>
        <source>An attachment needs its original file path.</source>
        <translation>Un adjunto necesita la ruta de su archivo original.</translation>
    </message>
    <message>
        <source>The attachment&apos;s SHA-256 must be 64 lower-case hex digits, not &apos;%1&apos;.</source>
        <translation>El SHA-256 del adjunto debe tener 64 dígitos hexadecimales en minúscula, no «%1».</translation>
    </message>
    <message>
        <source>An attachment needs a kind (pdf, image, ...).</source>
        <translation>Un adjunto necesita un tipo (pdf, image, …).</translation>
    </message>
    <message>
        <source>The cache key &apos;%1&apos; must be relative to the cache folder and stay inside it.</source>
        <translation>La clave de caché «%1» debe ser relativa a la carpeta de caché y quedar dentro de ella.</translation>
    </message>
    <message>
        <source>Cannot attach %1: conversation %2 or its message does not exist (%3).</source>
        <translation>No se puede adjuntar %1: la conversación %2 o su mensaje no existe (%3).</translation>
    </message>
    <message>
        <source>There is no attachment with id %1.</source>
        <translation>No hay ningún adjunto con el id %1.</translation>
    </message>
</context>
<context>
    <name>ChatArea</name>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Stop the answer</source>
        <translation>Detener la respuesta</translation>
    </message>
    <message>
        <source>Stop (Esc)</source>
        <translation>Detener (Esc)</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Dismiss the error</source>
        <translation>Descartar el error</translation>
    </message>
    <message>
        <source>Ask about your documents</source>
        <translation>Pregunte sobre sus documentos</translation>
    </message>
    <message>
        <source>Drop PDFs, images or videos here, or type a question</source>
        <translation>Suelte aquí PDF, imágenes o vídeos, o escriba una pregunta</translation>
    </message>
    <message>
        <source>Everything stays on this computer.</source>
        <translation>Todo se queda en este ordenador.</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Lectern: ask questions about your PDFs, images and videos, answered on this computer.</source>
        <translation>Lectern: haga preguntas sobre sus PDF, imágenes y vídeos, respondidas en este ordenador.</translation>
    </message>
    <message>
        <source>Show this help, then quit.</source>
        <translation>Mostrar esta ayuda y salir.</translation>
    </message>
    <message>
        <source>Print the program name and version, then quit.</source>
        <translation>Mostrar el nombre y la versión del programa y salir.</translation>
    </message>
    <message>
        <source>PDFs, images, videos or text files to open.</source>
        <translation>PDF, imágenes, vídeos o archivos de texto que abrir.</translation>
    </message>
    <message>
        <source>[FILE...]</source>
        <translation>[ARCHIVO...]</translation>
    </message>
    <message>
        <source>Try &apos;%1 --help&apos; for more information.</source>
        <translation>Pruebe «%1 --help» para más información.</translation>
    </message>
    <message>
        <source>--screenshot only works together with --smoke-test.</source>
        <translation>--screenshot solo funciona junto con --smoke-test.</translation>
    </message>
    <message>
        <source>--screenshot needs a file name.</source>
        <translation>--screenshot necesita un nombre de archivo.</translation>
    </message>
    <message>
        <source>An empty file name was given.</source>
        <translation>Se ha indicado un nombre de archivo vacío.</translation>
    </message>
    <message>
        <source>Without a window: lectern inspect|ask|extract|export|serve ... (serve: the local OpenAI-compatible API server); lectern MODE --help shows each mode&apos;s options.</source>
        <translation>Sin ventana: lectern inspect|ask|extract|export|serve ... (serve: el servidor local de API compatible con OpenAI); lectern MODO --help muestra las opciones de cada modo.</translation>
    </message>
</context>
<context>
    <name>CommandOptions</name>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1 necesita un valor.</translation>
    </message>
    <message>
        <source>%1 needs a non-empty value.</source>
        <translation>%1 necesita un valor no vacío.</translation>
    </message>
    <message>
        <source>%1 takes a whole number from %2 to %3, not &apos;%4&apos;.</source>
        <translation>%1 admite un número entero de %2 a %3, no «%4».</translation>
    </message>
    <message>
        <source>%1 takes no value.</source>
        <translation>%1 no admite ningún valor.</translation>
    </message>
    <message>
        <source>--device takes auto, cpu or vulkan, not &apos;%1&apos;.</source>
        <translation>--device admite auto, cpu o vulkan, no «%1».</translation>
    </message>
    <message>
        <source>unknown argument &apos;%1&apos;.</source>
        <translation>argumento desconocido «%1».</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Attach files</source>
        <translation>Adjuntar archivos</translation>
    </message>
    <message>
        <source>Documents, images and videos (*.pdf *.png *.jpg *.jpeg *.webp *.gif *.bmp *.tif *.tiff *.mp4 *.mkv *.webm *.mov *.avi *.txt *.md *.csv *.json *.html)</source>
        <translation>Documentos, imágenes y vídeos (*.pdf *.png *.jpg *.jpeg *.webp *.gif *.bmp *.tif *.tiff *.mp4 *.mkv *.webm *.mov *.avi *.txt *.md *.csv *.json *.html)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Fewer pages</source>
        <translation>Menos páginas</translation>
    </message>
    <message>
        <source>Pages to send, for example 1-5, 8, 10-</source>
        <translation>Páginas que enviar, por ejemplo 1-5, 8, 10-</translation>
    </message>
    <message>
        <source>Pages to send</source>
        <translation>Páginas que enviar</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Adjuntos</translation>
    </message>
    <message>
        <source>This is %1 tokens more than the model can read.</source>
        <translation>Son %1 tokens más de los que el modelo puede leer.</translation>
    </message>
    <message>
        <source>Fewer pages…</source>
        <translation>Menos páginas…</translation>
    </message>
    <message>
        <source>Fewer frames</source>
        <translation>Menos fotogramas</translation>
    </message>
    <message>
        <source>Lower image resolution</source>
        <translation>Menor resolución de imagen</translation>
    </message>
    <message>
        <source>Reading the question</source>
        <translation>Leyendo la pregunta</translation>
    </message>
    <message>
        <source>%1 of %2 tokens</source>
        <translation>%1 de %2 tokens</translation>
    </message>
    <message>
        <source>%1, about %2 s left</source>
        <translation>%1, quedan unos %2 s</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel the answer</source>
        <translation>Cancelar la respuesta</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>Adjuntar…</translation>
    </message>
    <message>
        <source>Attach PDFs, images, videos or text files (Ctrl+O)</source>
        <translation>Adjuntar PDF, imágenes, vídeos o archivos de texto (Ctrl+O)</translation>
    </message>
    <message>
        <source>Type a question…</source>
        <translation>Escriba una pregunta…</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Think first</source>
        <translation>Pensar primero</translation>
    </message>
    <message>
        <source>Think before answering</source>
        <translation>Pensar antes de responder</translation>
    </message>
    <message>
        <source>The model reasons before it answers: slower, often better. Saved per conversation.</source>
        <translation>El modelo razona antes de responder: más lento, a menudo mejor. Se guarda por conversación.</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avanzado</translation>
    </message>
    <message>
        <source>Advanced sampling settings</source>
        <translation>Ajustes de muestreo avanzados</translation>
    </message>
    <message>
        <source>Automatic resolution</source>
        <translation>Resolución automática</translation>
    </message>
    <message>
        <source>High resolution</source>
        <translation>Resolución alta</translation>
    </message>
    <message>
        <source>Medium resolution</source>
        <translation>Resolución media</translation>
    </message>
    <message>
        <source>Low resolution</source>
        <translation>Resolución baja</translation>
    </message>
    <message>
        <source>Image resolution for every picture</source>
        <translation>Resolución de imagen para todas las imágenes</translation>
    </message>
    <message>
        <source>full resolution</source>
        <translation>resolución completa</translation>
    </message>
    <message>
        <source>high resolution</source>
        <translation>resolución alta</translation>
    </message>
    <message>
        <source>medium resolution</source>
        <translation>resolución media</translation>
    </message>
    <message>
        <source>low resolution</source>
        <translation>resolución baja</translation>
    </message>
    <message>
        <source>Pictures are sent at %1, chosen to fit the context.</source>
        <translation>Las imágenes se envían con %1, elegida para que quepan en el contexto.</translation>
    </message>
</context>
<context>
    <name>ContextMeter</name>
    <message>
        <source>%1 of %2 tokens</source>
        <translation>%1 de %2 tokens</translation>
    </message>
    <message>
        <source>Context used: %1</source>
        <translation>Contexto usado: %1</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>≈ %1 s to read</source>
        <translation>≈ %1 s de lectura</translation>
    </message>
    <message>
        <source>≈ %1 min to read</source>
        <translation>≈ %1 min de lectura</translation>
    </message>
    <message>
        <source>≈ %1 h to read</source>
        <translation>≈ %1 h de lectura</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>needs %1</source>
        <translation>necesita %1</translation>
    </message>
    <message>
        <source>%1: more than the device has</source>
        <translation>%1: más de lo que tiene el dispositivo</translation>
    </message>
    <message>
        <source>Context used: %1; %2</source>
        <translation>Contexto usado: %1; %2</translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message>
        <source>Open conversation</source>
        <translation>Abrir la conversación</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversación</translation>
    </message>
    <message>
        <source>Conversation title</source>
        <translation>Título de la conversación</translation>
    </message>
    <message>
        <source>Rename conversation</source>
        <translation>Cambiar el nombre de la conversación</translation>
    </message>
    <message>
        <source>Rename (F2)</source>
        <translation>Cambiar nombre (F2)</translation>
    </message>
    <message>
        <source>Delete conversation</source>
        <translation>Eliminar la conversación</translation>
    </message>
    <message>
        <source>Delete (Del)</source>
        <translation>Eliminar (Supr)</translation>
    </message>
</context>
<context>
    <name>ConversationRepository</name>
    <message>
        <source>There is no conversation with id %1.</source>
        <translation>No hay ninguna conversación con el id %1.</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>%1 is a folder, not a database file.</source>
        <translation>%1 es una carpeta, no un archivo de base de datos.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>No se puede leer %1: %2.</translation>
    </message>
    <message>
        <source>%1 is not a Lectern database: it is damaged or not an SQLite file. Lectern has not changed it. Restore it from a backup, or move it away to start a new database.</source>
        <translation>%1 no es una base de datos de Lectern: está dañada o no es un archivo SQLite. Lectern no la ha modificado. Restáurela desde una copia de seguridad o muévala a otro lugar para empezar una base de datos nueva.</translation>
    </message>
    <message>
        <source>%1 is truncated (%2 bytes; its header says %3). Lectern has not changed it. Restore it from a backup, or move it away to start a new database.</source>
        <translation>%1 está truncada (%2 bytes; su cabecera indica %3). Lectern no la ha modificado. Restáurela desde una copia de seguridad o muévala a otro lugar para empezar una base de datos nueva.</translation>
    </message>
    <message>
        <source>%1 is damaged (%2). Lectern has not changed it. Restore it from a backup, or move it away to start a new database.</source>
        <translation>%1 está dañada (%2). Lectern no la ha modificado. Restáurela desde una copia de seguridad o muévala a otro lugar para empezar una base de datos nueva.</translation>
    </message>
    <message>
        <source>%1 failed its integrity check: %2</source>
        <translation>%1 no ha superado la comprobación de integridad: %2</translation>
    </message>
    <message>
        <source>There is no database at %1. Check the path.</source>
        <translation>No hay ninguna base de datos en %1. Compruebe la ruta.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the database. Check its permissions.</source>
        <translation>No se puede crear la carpeta %1 para la base de datos. Compruebe sus permisos.</translation>
    </message>
    <message>
        <source>%1 needs recovery from an interrupted write, which a read-only open cannot do. Open it once with Lectern, then try again.</source>
        <translation>%1 necesita recuperarse de una escritura interrumpida, algo que no es posible al abrirla solo para lectura. Ábrala una vez con Lectern y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of Lectern (schema version %2; this version understands up to %3). Lectern has not changed it. Update Lectern to open it.</source>
        <translation>%1 fue escrita por una versión más reciente de Lectern (versión de esquema %2; esta versión entiende hasta la %3). Lectern no la ha modificado. Actualice Lectern para abrirla.</translation>
    </message>
    <message>
        <source>%1 is an SQLite database, but not one of Lectern&apos;s. Lectern has not changed it. Choose another file.</source>
        <translation>%1 es una base de datos SQLite, pero no de Lectern. Lectern no la ha modificado. Elija otro archivo.</translation>
    </message>
    <message>
        <source>%1 uses schema version %2 and needs an upgrade to version %3, but it was opened read-only. Open it once with Lectern to upgrade it (a backup is made first).</source>
        <translation>%1 usa la versión de esquema %2 y necesita actualizarse a la versión %3, pero se abrió solo para lectura. Ábrala una vez con Lectern para actualizarla (antes se hace una copia de seguridad).</translation>
    </message>
    <message>
        <source>%1 failed its integrity check (%2), so Lectern will not upgrade it and has not changed it. Restore it from a backup.</source>
        <translation>%1 no ha superado la comprobación de integridad (%2), así que Lectern no la actualizará y no la ha modificado. Restáurela desde una copia de seguridad.</translation>
    </message>
    <message>
        <source>%1 holds no Lectern data yet and was opened read-only.</source>
        <translation>%1 aún no contiene datos de Lectern y se abrió solo para lectura.</translation>
    </message>
    <message>
        <source>%1 cannot use write-ahead logging (journal mode stays &apos;%2&apos;); put the database on a local disk.</source>
        <translation>%1 no puede usar el registro de escritura anticipada (el modo de diario sigue siendo «%2»); coloque la base de datos en un disco local.</translation>
    </message>
    <message>
        <source>Could not back up %1 to %2 before upgrading it (%3). Nothing was changed; free some disk space and try again.</source>
        <translation>No se pudo hacer una copia de seguridad de %1 en %2 antes de actualizarla (%3). No se ha cambiado nada; libere espacio en disco y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>%1 was opened read-only; it cannot be written.</source>
        <translation>%1 se abrió solo para lectura; no se puede escribir en ella.</translation>
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1 necesita un valor.</translation>
    </message>
    <message>
        <source>%1 needs a non-empty value.</source>
        <translation>%1 necesita un valor no vacío.</translation>
    </message>
    <message>
        <source>%1 takes positive numeric ids, not &apos;%2&apos;.</source>
        <translation>%1 admite ids numéricos positivos, no «%2».</translation>
    </message>
    <message>
        <source>%1 needs at least one id.</source>
        <translation>%1 necesita al menos un id.</translation>
    </message>
    <message>
        <source>%1 takes no value.</source>
        <translation>%1 no admite ningún valor.</translation>
    </message>
    <message>
        <source>unknown argument &apos;%1&apos;.</source>
        <translation>argumento desconocido «%1».</translation>
    </message>
    <message>
        <source>--extractions cannot be combined with --conversation or --all.</source>
        <translation>--extractions no se puede combinar con --conversation ni con --all.</translation>
    </message>
    <message>
        <source>--no-reasoning applies to conversations, not to --extractions.</source>
        <translation>--no-reasoning se aplica a conversaciones, no a --extractions.</translation>
    </message>
    <message>
        <source>--extractions needs --format csv or --format json.</source>
        <translation>--extractions necesita --format csv o --format json.</translation>
    </message>
    <message>
        <source>extracted records export as csv or json, not &apos;%1&apos;.</source>
        <translation>los registros extraídos se exportan como csv o json, no como «%1».</translation>
    </message>
    <message>
        <source>--bom and --with-source apply to --format csv only.</source>
        <translation>--bom y --with-source solo se aplican a --format csv.</translation>
    </message>
    <message>
        <source>--schema-id, --bom and --with-source apply to --extractions only.</source>
        <translation>--schema-id, --bom y --with-source solo se aplican a --extractions.</translation>
    </message>
    <message>
        <source>choose the conversations: --conversation ID... or --all (not both).</source>
        <translation>elija las conversaciones: --conversation ID... o --all (no ambos).</translation>
    </message>
    <message>
        <source>conversations need --format markdown or --format json.</source>
        <translation>las conversaciones necesitan --format markdown o --format json.</translation>
    </message>
    <message>
        <source>conversations export as markdown or json, not &apos;%1&apos;.</source>
        <translation>las conversaciones se exportan como markdown o json, no como «%1».</translation>
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
        <translation>Uso:
  lectern export [--db RUTA] (--conversation ID... | --all) --format markdown|json
                 [--no-reasoning] [--out ARCHIVO]
  lectern export [--db RUTA] --extractions [--schema-id ID...] --format csv|json
                 [--bom] [--with-source] [--out ARCHIVO]

Exporta conversaciones o registros extraídos de la base de datos de Lectern sin abrir ninguna ventana.
La base de datos solo se lee, nunca se modifica.

  --db RUTA            la base de datos (predeterminada: %1)
  --conversation ID... conversaciones que exportar, en este orden (los ids también pueden ir separados por comas)
  --all                todas las conversaciones, la más antigua primero
  --no-reasoning       omitir el razonamiento del modelo
  --extractions        exportar registros extraídos en lugar de conversaciones
  --schema-id ID...    solo los registros de estos esquemas de extracción
  --bom                empezar el CSV con una marca de orden de bytes UTF-8 (para hojas de cálculo)
  --with-source        añadir las columnas source.file y source.page al CSV
  --out ARCHIVO        escribir en ARCHIVO (reemplazado de forma atómica) en lugar de la salida estándar
</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>no se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>cannot write the export: %1</source>
        <translation>no se puede escribir la exportación: %1</translation>
    </message>
</context>
<context>
    <name>ExtractCommand</name>
    <message>
        <source>--model is required.</source>
        <translation>--model es obligatorio.</translation>
    </message>
    <message>
        <source>give either --schema FILE or --template NAME (%1).</source>
        <translation>indique --schema ARCHIVO o --template NOMBRE (%1).</translation>
    </message>
    <message>
        <source>no files given.</source>
        <translation>no se ha indicado ningún archivo.</translation>
    </message>
    <message>
        <source>--out is required (a .csv or .json file).</source>
        <translation>--out es obligatorio (un archivo .csv o .json).</translation>
    </message>
    <message>
        <source>--out must end in .csv or .json, not &apos;%1&apos;.</source>
        <translation>--out debe terminar en .csv o .json, no «%1».</translation>
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
        <translation>Uso:
  lectern extract --model MODELO (--schema ESQUEMA.json | --template NOMBRE) ARCHIVO... --out FILAS.csv|FILAS.json
                  [--device auto|cpu|vulkan] [--db RUTA] [--max-tokens N] [--context N] [--think]

Extrae datos estructurados de cada archivo con decodificación restringida por un esquema JSON: la respuesta
del modelo siempre se puede analizar y sigue el esquema. Un esquema cuyo nivel superior es un objeto da una
fila por archivo; un array de objetos da una fila por elemento (por página en los PDF). Las filas se guardan
en la base de datos con su archivo y página de origen, y se escriben en --out (CSV con columnas de origen, o JSON).

  --model MODELO     un archivo .gguf o una carpeta de modelo de HuggingFace
  --schema ARCHIVO   un JSON Schema (objetos, arrays, cadenas con enum / maxLength / formatos date, date-time,
                     email, números, enteros, booleanos, null, anyOf)
  --template NOMBRE  un esquema integrado: %1
  --out ARCHIVO      adónde van las filas; .csv o .json
  --device DISP.     auto (Vulkan si está disponible), cpu o vulkan (predeterminado auto)
  --db RUTA          la base de datos (predeterminada: %2)
  --max-tokens N     tokens por respuesta (predeterminado 1024); los valores se cierran a tiempo para caber
  --context N        longitud del contexto en tokens (predeterminada 8192); los documentos largos se recortan
  --think            dejar que el modelo razone primero (desactivado por defecto en la extracción)

El progreso va a la salida de error estándar. Estado de salida: 0 si se extrajeron todos los archivos, 1 si
falló un archivo o el modelo (las demás filas se escriben igualmente), 2 si hay un error de uso o un esquema
inutilizable.
</translation>
    </message>
    <message>
        <source>there is no template &apos;%1&apos;; the templates are %2.</source>
        <translation>no hay ninguna plantilla «%1»; las plantillas son %2.</translation>
    </message>
    <message>
        <source>cannot read the schema %1: %2</source>
        <translation>no se puede leer el esquema %1: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 no es un archivo.</translation>
    </message>
    <message>
        <source>the model %1 does not exist. Give a .gguf file or a model folder with --model.</source>
        <translation>el modelo %1 no existe. Indique un archivo .gguf o una carpeta de modelo con --model.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n registro</numerusform>
            <numerusform>%n registros</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>no se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>%1 rows from %2 files written to %3</source>
        <translation>%1 filas de %2 archivos escritas en %3</translation>
    </message>
</context>
<context>
    <name>ExtractQueue</name>
    <message>
        <source>Added</source>
        <translation>Añadido</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Extraction queue</source>
        <translation>Cola de extracción</translation>
    </message>
    <message>
        <source>Drop files here or use Add files.</source>
        <translation>Suelte archivos aquí o use Añadir archivos.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2, %n record(s)</source>
        <translation>
            <numerusform>%1: %2, %n registro</numerusform>
            <numerusform>%1: %2, %n registros</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n record(s)</source>
        <translation>
            <numerusform>%1 · %n registro</numerusform>
            <numerusform>%1 · %n registros</numerusform>
        </translation>
    </message>
    <message>
        <source>Progress of %1</source>
        <translation>Progreso de %1</translation>
    </message>
</context>
<context>
    <name>ExtractResults</name>
    <message>
        <source>Sort by %1</source>
        <translation>Ordenar por %1</translation>
    </message>
    <message>
        <source>Extracted records</source>
        <translation>Registros extraídos</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Editar %1</translation>
    </message>
    <message>
        <source>Extracted records appear here.</source>
        <translation>Los registros extraídos aparecen aquí.</translation>
    </message>
</context>
<context>
    <name>ExtractView</name>
    <message>
        <source>Custom schema</source>
        <translation>Esquema personalizado</translation>
    </message>
    <message>
        <source>Add files to extract from</source>
        <translation>Añadir archivos de los que extraer</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.txt *.md *.csv *.json *.html)</source>
        <translation>Documentos (*.pdf *.txt *.md *.csv *.json *.html)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Export records as CSV</source>
        <translation>Exportar los registros como CSV</translation>
    </message>
    <message>
        <source>Export records as JSON</source>
        <translation>Exportar los registros como JSON</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Archivos JSON (*.json)</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>Extraction template</source>
        <translation>Plantilla de extracción</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Añadir archivos…</translation>
    </message>
    <message>
        <source>Loading model…</source>
        <translation>Cargando el modelo…</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
    <message>
        <source>Start extraction</source>
        <translation>Iniciar la extracción</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Pause after the current file</source>
        <translation>Pausar tras el archivo actual</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel the batch</source>
        <translation>Cancelar el lote</translation>
    </message>
    <message>
        <source>Extraction needs the database, which could not be opened.</source>
        <translation>La extracción necesita la base de datos, que no se pudo abrir.</translation>
    </message>
    <message>
        <source>Schema (JSON)</source>
        <translation>Esquema (JSON)</translation>
    </message>
    <message>
        <source>A JSON Schema: an object with properties, or an array of them</source>
        <translation>Un JSON Schema: un objeto con propiedades, o un array de ellos</translation>
    </message>
    <message>
        <source>Extraction schema as JSON</source>
        <translation>Esquema de extracción en JSON</translation>
    </message>
    <message>
        <source>Schema OK</source>
        <translation>Esquema correcto</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <source>Re-run row</source>
        <translation>Repetir la fila</translation>
    </message>
    <message>
        <source>Extract the selected row&apos;s file again</source>
        <translation>Volver a extraer el archivo de la fila seleccionada</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Export the records as CSV</source>
        <translation>Exportar los registros como CSV</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>Exportar JSON…</translation>
    </message>
    <message>
        <source>Export the records as JSON</source>
        <translation>Exportar los registros como JSON</translation>
    </message>
</context>
<context>
    <name>ExtractionJobRepository</name>
    <message>
        <source>An extraction job needs a source file.</source>
        <translation>Una tarea de extracción necesita un archivo de origen.</translation>
    </message>
    <message>
        <source>There is no extraction schema with id %1.</source>
        <translation>No hay ningún esquema de extracción con el id %1.</translation>
    </message>
    <message>
        <source>There is no extraction job with id %1.</source>
        <translation>No hay ninguna tarea de extracción con el id %1.</translation>
    </message>
    <message>
        <source>There is no finished extraction job with id %1.</source>
        <translation>No hay ninguna tarea de extracción terminada con el id %1.</translation>
    </message>
</context>
<context>
    <name>ExtractionRepository</name>
    <message>
        <source>An extraction schema needs a name.</source>
        <translation>Un esquema de extracción necesita un nombre.</translation>
    </message>
    <message>
        <source>The extraction schema &apos;%1&apos; is not valid JSON: %2.</source>
        <translation>El esquema de extracción «%1» no es JSON válido: %2.</translation>
    </message>
    <message>
        <source>There is no extraction schema with id %1.</source>
        <translation>No hay ningún esquema de extracción con el id %1.</translation>
    </message>
    <message>
        <source>Extraction schema %1 still has %2 records; delete or export them first.</source>
        <translation>El esquema de extracción %1 todavía tiene %2 registros; elimínelos o expórtelos primero.</translation>
    </message>
    <message>
        <source>The extracted record is not a valid JSON object: %1.</source>
        <translation>El registro extraído no es un objeto JSON válido: %1.</translation>
    </message>
    <message>
        <source>Page numbers start at 1, not %1.</source>
        <translation>Los números de página empiezan en 1, no en %1.</translation>
    </message>
    <message>
        <source>Cannot store the record: its schema %1, attachment or message does not exist (%2).</source>
        <translation>No se puede guardar el registro: su esquema %1, su adjunto o su mensaje no existe (%2).</translation>
    </message>
    <message>
        <source>There is no extracted record with id %1.</source>
        <translation>No hay ningún registro extraído con el id %1.</translation>
    </message>
    <message>
        <source>The edited record %1 is not a JSON object: %2.</source>
        <translation>El registro editado %1 no es un objeto JSON: %2.</translation>
    </message>
</context>
<context>
    <name>ExtractionTemplates</name>
    <message>
        <source>line %1, column %2</source>
        <translation>línea %1, columna %2</translation>
    </message>
    <message>
        <source>The schema is not valid JSON (%1 at %2).</source>
        <translation>El esquema no es JSON válido (%1 en %2).</translation>
    </message>
    <message>
        <source>The schema must be a JSON object such as {&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {...}}.</source>
        <translation>El esquema debe ser un objeto JSON como {&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {...}}.</translation>
    </message>
    <message>
        <source>The schema cannot be used: %1.</source>
        <translation>No se puede usar el esquema: %1.</translation>
    </message>
    <message>
        <source>The top level of an extraction schema must be an object (one record per file) or an array of objects (one record per item); give &quot;type&quot;: &quot;object&quot; or &quot;type&quot;: &quot;array&quot; with object items.</source>
        <translation>El nivel superior de un esquema de extracción debe ser un objeto (un registro por archivo) o un array de objetos (un registro por elemento); indique &quot;type&quot;: &quot;object&quot; o &quot;type&quot;: &quot;array&quot; con elementos de tipo objeto.</translation>
    </message>
</context>
<context>
    <name>FileDropArea</name>
    <message>
        <source>Drop files to attach them</source>
        <translation>Suelte los archivos para adjuntarlos</translation>
    </message>
</context>
<context>
    <name>ImageImporter</name>
    <message>
        <source>An image file has exactly one image.</source>
        <translation>Un archivo de imagen contiene exactamente una imagen.</translation>
    </message>
    <message>
        <source>The image is damaged or not in a format Lectern can read.</source>
        <translation>La imagen está dañada o en un formato que Lectern no puede leer.</translation>
    </message>
    <message>
        <source>The image is damaged: its size cannot be read.</source>
        <translation>La imagen está dañada: no se puede leer su tamaño.</translation>
    </message>
    <message>
        <source>The image claims to be %1 x %2 pixels, more than Lectern accepts (%3 megapixels, at most %4 pixels per side). It may be damaged or built to exhaust memory.</source>
        <translation>La imagen dice medir %1 × %2 píxeles, más de lo que Lectern acepta (%3 megapíxeles, como máximo %4 píxeles por lado). Puede estar dañada o hecha para agotar la memoria.</translation>
    </message>
    <message>
        <source>The %1 image is %2 x %3 pixels; this kind of %1 file cannot be decoded at reduced size and the full image would need %4 MiB of memory (the limit is %5 MiB). Convert it to JPEG or 8-bit RGB PNG, or make it smaller.</source>
        <translation>La imagen %1 mide %2 × %3 píxeles; este tipo de archivo %1 no se puede decodificar a tamaño reducido y la imagen completa necesitaría %4 MiB de memoria (el límite es %5 MiB). Conviértala a JPEG o a PNG RGB de 8 bits, o redúzcala.</translation>
    </message>
    <message>
        <source>The image file could not be read: %1</source>
        <translation>No se pudo leer el archivo de imagen: %1</translation>
    </message>
    <message>
        <source>This kind of image is not supported. Use PNG, JPEG, WebP, GIF, BMP or TIFF.</source>
        <translation>Este tipo de imagen no es compatible. Use PNG, JPEG, WebP, GIF, BMP o TIFF.</translation>
    </message>
    <message>
        <source>The image is damaged or incomplete and could not be decoded (%1).</source>
        <translation>La imagen está dañada o incompleta y no se pudo decodificar (%1).</translation>
    </message>
    <message>
        <source>Decoding image</source>
        <translation>Decodificando la imagen</translation>
    </message>
    <message>
        <source>The image has %1 frames; only the first is used.</source>
        <translation>La imagen tiene %1 fotogramas; solo se usa el primero.</translation>
    </message>
    <message>
        <source>The image is %1 x %2 pixels; it was decoded at %3 x %4 to save memory.</source>
        <translation>La imagen mide %1 × %2 píxeles; se decodificó a %3 × %4 para ahorrar memoria.</translation>
    </message>
    <message>
        <source>Image decoded</source>
        <translation>Imagen decodificada</translation>
    </message>
</context>
<context>
    <name>ImageInputs</name>
    <message>
        <source>%1 cannot be read as a picture: %2</source>
        <translation>%1 no se puede leer como imagen: %2</translation>
    </message>
    <message>
        <source>%1 holds %2 content, not a picture; send a PNG, JPEG, WebP, GIF, BMP or TIFF image.</source>
        <translation>%1 contiene datos de tipo %2, no una imagen; envíe una imagen PNG, JPEG, WebP, GIF, BMP o TIFF.</translation>
    </message>
    <message>
        <source>%1 cannot be sent to the model: %2</source>
        <translation>%1 no se puede enviar al modelo: %2</translation>
    </message>
    <message>
        <source>it has no decodable picture</source>
        <translation>no contiene ninguna imagen decodificable</translation>
    </message>
    <message>
        <source>Remote image URLs are not fetched; send the picture as a data: URL or a local path.</source>
        <translation>No se descargan URL de imágenes remotas; envíe la imagen como URL data: o como ruta local.</translation>
    </message>
    <message>
        <source>%1 is not a valid file: URL; write it as file:///absolute/path.png.</source>
        <translation>%1 no es una URL file: válida; escríbala como file:///ruta/absoluta.png.</translation>
    </message>
    <message>
        <source>The image URL must be a data: URL (data:image/png;base64,...), a file:// URL or an absolute local path; got &quot;%1&quot;.</source>
        <translation>La URL de la imagen debe ser una URL data: (data:image/png;base64,...), una URL file:// o una ruta local absoluta; se recibió &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>This server does not read local files (it was started with --no-file-paths); send the picture as a data: URL.</source>
        <translation>Este servidor no lee archivos locales (se inició con --no-file-paths); envíe la imagen como URL data:.</translation>
    </message>
    <message>
        <source>The data: URL is malformed: it needs a comma before the data, as in data:image/png;base64,iVBORw0....</source>
        <translation>La URL data: está mal formada: necesita una coma antes de los datos, como en data:image/png;base64,iVBORw0....</translation>
    </message>
    <message>
        <source>The base64 data of the data: URL is malformed (only A-Z, a-z, 0-9, +, / and = padding are allowed).</source>
        <translation>Los datos base64 de la URL data: están mal formados (solo se permiten A-Z, a-z, 0-9, +, / y el relleno =).</translation>
    </message>
    <message>
        <source>The data: URL holds no data.</source>
        <translation>La URL data: no contiene datos.</translation>
    </message>
    <message>
        <source>The picture could not be stored in a temporary file: %1</source>
        <translation>No se pudo guardar la imagen en un archivo temporal: %1</translation>
    </message>
    <message>
        <source>The data: URL</source>
        <translation>La URL data:</translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <source>PDF files</source>
        <translation>archivos PDF</translation>
    </message>
    <message>
        <source>images</source>
        <translation>imágenes</translation>
    </message>
    <message>
        <source>videos</source>
        <translation>vídeos</translation>
    </message>
    <message>
        <source>text files</source>
        <translation>archivos de texto</translation>
    </message>
    <message>
        <source>files</source>
        <translation>archivos</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation>un documento PDF</translation>
    </message>
    <message>
        <source>a %1 image</source>
        <translation>una imagen %1</translation>
    </message>
    <message>
        <source>a video</source>
        <translation>un vídeo</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>something else</source>
        <translation>otra cosa</translation>
    </message>
    <message>
        <source>The import was cancelled.</source>
        <translation>Se canceló la importación.</translation>
    </message>
    <message>
        <source>The import took longer than %1 seconds and was stopped. The file may be damaged or too large; try a page range or a shorter clip.</source>
        <translation>La importación tardó más de %1 segundos y se detuvo. El archivo puede estar dañado o ser demasiado grande; pruebe con un intervalo de páginas o un fragmento más corto.</translation>
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>El archivo %1 no existe.</translation>
    </message>
    <message>
        <source>%1 is a folder or a device, not a file.</source>
        <translation>%1 es una carpeta o un dispositivo, no un archivo.</translation>
    </message>
    <message>
        <source>The file is empty (0 bytes).</source>
        <translation>El archivo está vacío (0 bytes).</translation>
    </message>
    <message>
        <source>The file is %1; Lectern imports files up to %2.</source>
        <translation>El archivo ocupa %1; Lectern importa archivos de hasta %2.</translation>
    </message>
    <message>
        <source>The file could not be opened: %1</source>
        <translation>No se pudo abrir el archivo: %1</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>No se pudo leer el archivo: %1</translation>
    </message>
    <message>
        <source>This is an audio file (%1); Lectern imports PDFs, images, videos and text.</source>
        <translation>Es un archivo de audio (%1); Lectern importa PDF, imágenes, vídeos y texto.</translation>
    </message>
    <message>
        <source>This file type is not supported (%1). Lectern imports PDFs, images (PNG, JPEG, WebP, GIF, BMP, TIFF), videos and text files.</source>
        <translation>Este tipo de archivo no es compatible (%1). Lectern importa PDF, imágenes (PNG, JPEG, WebP, GIF, BMP, TIFF), vídeos y archivos de texto.</translation>
    </message>
    <message>
        <source>The file is %1; Lectern imports %2 up to %3.</source>
        <translation>El archivo ocupa %1; Lectern importa %2 de hasta %3.</translation>
    </message>
    <message>
        <source>The file name ends in .%1 but the file contains %2; it was imported as such.</source>
        <translation>El nombre del archivo termina en .%1 pero el archivo contiene %2; se importó como tal.</translation>
    </message>
    <message>
        <source>Checking file</source>
        <translation>Comprobando el archivo</translation>
    </message>
    <message>
        <source>Found in cache</source>
        <translation>Encontrado en la caché</translation>
    </message>
    <message>
        <source>Page %1 is too narrow for the vision model (aspect ratio above 200:1); it is left out.</source>
        <translation>La página %1 es demasiado estrecha para el modelo de visión (relación de aspecto superior a 200:1); se omite.</translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>página %1</translation>
    </message>
    <message>
        <source>image</source>
        <translation>imagen</translation>
    </message>
    <message>
        <source>video</source>
        <translation>vídeo</translation>
    </message>
    <message>
        <source>The video&apos;s frames are too narrow for the vision model (aspect ratio above 200:1).</source>
        <translation>Los fotogramas del vídeo son demasiado estrechos para el modelo de visión (relación de aspecto superior a 200:1).</translation>
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
        <translation>Uso: lectern inspect [OPCIONES] ARCHIVO...
Importa cada archivo sin abrir ninguna ventana e imprime los resultados como JSON.

Opciones:
  --pages=INTERVALO  páginas del PDF que importar, p. ej. 1-5,8,10-
  --password=TEXTO   contraseña para PDF protegidos
  --dpi=N            resolución de las imágenes de página del PDF (predeterminada 120)
  --fps=N            fotogramas de vídeo muestreados por segundo (predeterminado 2)
  --max-frames=N     presupuesto de fotogramas de vídeo (predeterminado 768)
  --text             incluir el texto completo de cada página

Estado de salida: 0 si se importaron todos los archivos, 1 si alguno falló, 2 si hay un error de uso.
</translation>
    </message>
    <message>
        <source>lectern inspect: unknown option %1</source>
        <translation>lectern inspect: opción desconocida %1</translation>
    </message>
    <message>
        <source>lectern inspect: invalid value in %1</source>
        <translation>lectern inspect: valor no válido en %1</translation>
    </message>
    <message>
        <source>lectern inspect: no files given</source>
        <translation>lectern inspect: no se ha indicado ningún archivo</translation>
    </message>
</context>
<context>
    <name>MarkdownExport</name>
    <message>
        <source>1 page</source>
        <translation>1 página</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 páginas</translation>
    </message>
    <message>
        <source>1 frame</source>
        <translation>1 fotograma</translation>
    </message>
    <message>
        <source>%1 frames</source>
        <translation>%1 fotogramas</translation>
    </message>
    <message>
        <source>Attached: %1 (%2)</source>
        <translation>Adjunto: %1 (%2)</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Asistente</translation>
    </message>
    <message>
        <source>The answer was interrupted.</source>
        <translation>La respuesta se interrumpió.</translation>
    </message>
    <message>
        <source>The answer was cut off at the length limit.</source>
        <translation>La respuesta se cortó al alcanzar el límite de longitud.</translation>
    </message>
    <message>
        <source>The answer was stopped.</source>
        <translation>La respuesta se detuvo.</translation>
    </message>
    <message>
        <source>The answer failed.</source>
        <translation>La respuesta falló.</translation>
    </message>
    <message>
        <source>Untitled conversation</source>
        <translation>Conversación sin título</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modelo: %1</translation>
    </message>
    <message>
        <source>Thinking: %1</source>
        <translation>Pensar: %1</translation>
    </message>
    <message>
        <source>on</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>off</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>Creada: %1</translation>
    </message>
    <message>
        <source>Reasoning (%1 s)</source>
        <translation>Razonamiento (%1 s)</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>Razonamiento</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>You</source>
        <translation>Usted</translation>
    </message>
    <message>
        <source>Lectern</source>
        <translation>Lectern</translation>
    </message>
    <message>
        <source>Generating the answer</source>
        <translation>Generando la respuesta</translation>
    </message>
    <message>
        <source>Edit the question</source>
        <translation>Editar la pregunta</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>Cancelar la edición</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Send the edited question</source>
        <translation>Enviar la pregunta editada</translation>
    </message>
    <message numerus="yes">
        <source>%n tokens · %1 tokens/s</source>
        <translation>
            <numerusform>%n token · %1 tokens/s</numerusform>
            <numerusform>%n tokens · %1 tokens/s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation>
            <numerusform>%n token</numerusform>
            <numerusform>%n tokens</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Detenida</translation>
    </message>
    <message>
        <source>Cut off at the length limit</source>
        <translation>Cortada al alcanzar el límite de longitud</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy the question</source>
        <translation>Copiar la pregunta</translation>
    </message>
    <message>
        <source>Copy the answer</source>
        <translation>Copiar la respuesta</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Edit and resend the question</source>
        <translation>Editar y reenviar la pregunta</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Regenerar</translation>
    </message>
    <message>
        <source>Regenerate the answer</source>
        <translation>Regenerar la respuesta</translation>
    </message>
    <message numerus="yes">
        <source>Waiting for %n API request(s)…</source>
        <translation>
            <numerusform>Esperando a %n solicitud de la API…</numerusform>
            <numerusform>Esperando a %n solicitudes de la API…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageRepository</name>
    <message>
        <source>There is no conversation with id %1 to add a message to.</source>
        <translation>No hay ninguna conversación con el id %1 a la que añadir un mensaje.</translation>
    </message>
    <message>
        <source>There is no message with id %1.</source>
        <translation>No hay ningún mensaje con el id %1.</translation>
    </message>
</context>
<context>
    <name>ModelSetupDialog</name>
    <message>
        <source>Open a GGUF model file</source>
        <translation>Abrir un archivo de modelo GGUF</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>Modelos GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Open a HuggingFace model folder</source>
        <translation>Abrir una carpeta de modelo de HuggingFace</translation>
    </message>
    <message>
        <source>Choose a model</source>
        <translation>Elija un modelo</translation>
    </message>
    <message>
        <source>Lectern answers with a Qwen3.5 model that runs on this computer.</source>
        <translation>Lectern responde con un modelo Qwen3.5 que se ejecuta en este ordenador.</translation>
    </message>
    <message>
        <source>Open GGUF file…</source>
        <translation>Abrir archivo GGUF…</translation>
    </message>
    <message>
        <source>Open HuggingFace folder…</source>
        <translation>Abrir carpeta de HuggingFace…</translation>
    </message>
    <message>
        <source>Found on this computer</source>
        <translation>Encontrados en este ordenador</translation>
    </message>
    <message>
        <source>No Qwen3.5 models in Ollama&apos;s store or the HuggingFace cache.</source>
        <translation>No hay modelos Qwen3.5 en el almacén de Ollama ni en la caché de HuggingFace.</translation>
    </message>
    <message>
        <source>Looking for models</source>
        <translation>Buscando modelos</translation>
    </message>
    <message>
        <source>Models found on this computer</source>
        <translation>Modelos encontrados en este ordenador</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
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
        <translation>Descargar</translation>
    </message>
    <message>
        <source>Download address</source>
        <translation>Dirección de descarga</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Download Qwen3.5-0.8B</source>
        <translation>Descargar Qwen3.5-0.8B</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Progreso de la descarga</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Más tarde</translation>
    </message>
    <message>
        <source>Close the model setup</source>
        <translation>Cerrar la configuración del modelo</translation>
    </message>
</context>
<context>
    <name>OpenAiProtocol</name>
    <message>
        <source>an array</source>
        <translation>un array</translation>
    </message>
    <message>
        <source>Invalid &apos;messages&apos;: empty array. Send at least one message.</source>
        <translation>&apos;messages&apos; no válido: array vacío. Envíe al menos un mensaje.</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>un objeto</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>una cadena</translation>
    </message>
    <message>
        <source>Messages with role &apos;function&apos; are deprecated and not supported; use &apos;tool&apos; messages.</source>
        <translation>Los mensajes con el rol &apos;function&apos; están obsoletos y no se admiten; use mensajes &apos;tool&apos;.</translation>
    </message>
    <message>
        <source>Invalid value for &apos;%1.role&apos;: &apos;%2&apos;. Supported values are &apos;system&apos;, &apos;developer&apos;, &apos;user&apos;, &apos;assistant&apos; and &apos;tool&apos;.</source>
        <translation>Valor no válido para &apos;%1.role&apos;: &apos;%2&apos;. Los valores admitidos son &apos;system&apos;, &apos;developer&apos;, &apos;user&apos;, &apos;assistant&apos; y &apos;tool&apos;.</translation>
    </message>
    <message>
        <source>Invalid &apos;%1.type&apos;: only &quot;function&quot; tool calls are supported.</source>
        <translation>&apos;%1.type&apos; no válido: solo se admiten llamadas a herramientas &quot;function&quot;.</translation>
    </message>
    <message>
        <source>Invalid &apos;%1.function.name&apos;: expected a non-empty string.</source>
        <translation>&apos;%1.function.name&apos; no válido: se esperaba una cadena no vacía.</translation>
    </message>
    <message>
        <source>a string holding a JSON object</source>
        <translation>una cadena que contenga un objeto JSON</translation>
    </message>
    <message>
        <source>Invalid &apos;%1&apos;: the arguments must be the JSON text of an object, as in &quot;{\&quot;city\&quot;: \&quot;Paris\&quot;}&quot;.</source>
        <translation>&apos;%1&apos; no válido: los argumentos deben ser el texto JSON de un objeto, como en &quot;{\&quot;city\&quot;: \&quot;Paris\&quot;}&quot;.</translation>
    </message>
    <message>
        <source>a string or an array of content parts</source>
        <translation>una cadena o un array de partes de contenido</translation>
    </message>
    <message>
        <source>Content parts of type &apos;%1&apos; are not supported; Lectern reads &apos;text&apos; and &apos;image_url&apos; parts.</source>
        <translation>No se admiten partes de contenido de tipo &apos;%1&apos;; Lectern lee partes &apos;text&apos; e &apos;image_url&apos;.</translation>
    </message>
    <message>
        <source>Pictures can only be sent in user messages.</source>
        <translation>Las imágenes solo se pueden enviar en mensajes del usuario.</translation>
    </message>
    <message>
        <source>The loaded model %1 cannot see images; load a model with a vision encoder (mmproj).</source>
        <translation>El modelo cargado %1 no puede ver imágenes; cargue un modelo con codificador de visión (mmproj).</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>un booleano</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un número</translation>
    </message>
    <message>
        <source>above %1 and at most %2</source>
        <translation>mayor que %1 y como máximo %2</translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation>de %1 a %2</translation>
    </message>
    <message>
        <source>Invalid &apos;%1&apos;: expected a value %2, but got %3 instead.</source>
        <translation>&apos;%1&apos; no válido: se esperaba un valor %2, pero se recibió %3.</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>un entero</translation>
    </message>
    <message>
        <source>The model &apos;%1&apos; does not exist: this server has the model &apos;%2&apos; loaded. Send &quot;model&quot;: &quot;%2&quot; or leave it out.</source>
        <translation>El modelo &apos;%1&apos; no existe: este servidor tiene cargado el modelo &apos;%2&apos;. Envíe &quot;model&quot;: &quot;%2&quot; u omítalo.</translation>
    </message>
    <message>
        <source>Only one choice per request is supported (&apos;n&apos; must be 1); send several requests instead.</source>
        <translation>Solo se admite una opción por solicitud (&apos;n&apos; debe ser 1); envíe varias solicitudes en su lugar.</translation>
    </message>
    <message>
        <source>Stop sequences are not supported; leave out &apos;stop&apos; and cut the answer yourself.</source>
        <translation>No se admiten secuencias de parada; omita &apos;stop&apos; y recorte la respuesta usted mismo.</translation>
    </message>
    <message>
        <source>Log probabilities are not supported; leave out &apos;logprobs&apos;.</source>
        <translation>No se admiten las probabilidades logarítmicas; omita &apos;logprobs&apos;.</translation>
    </message>
    <message>
        <source>Log probabilities are not supported; leave out &apos;top_logprobs&apos;.</source>
        <translation>No se admiten las probabilidades logarítmicas; omita &apos;top_logprobs&apos;.</translation>
    </message>
    <message>
        <source>&apos;logit_bias&apos; is not supported; leave it out.</source>
        <translation>No se admite &apos;logit_bias&apos;; omítalo.</translation>
    </message>
    <message>
        <source>&apos;frequency_penalty&apos; is not supported; use &apos;presence_penalty&apos; or &apos;repetition_penalty&apos; instead.</source>
        <translation>No se admite &apos;frequency_penalty&apos;; use &apos;presence_penalty&apos; o &apos;repetition_penalty&apos; en su lugar.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is deprecated and not supported; use &apos;tools&apos; instead.</source>
        <translation>&apos;%1&apos; está obsoleto y no se admite; use &apos;tools&apos; en su lugar.</translation>
    </message>
    <message>
        <source>Audio output is not supported; leave out &apos;audio&apos;.</source>
        <translation>No se admite la salida de audio; omita &apos;audio&apos;.</translation>
    </message>
    <message>
        <source>Only text output is supported (&apos;modalities&apos;: [&quot;text&quot;]).</source>
        <translation>Solo se admite la salida de texto (&apos;modalities&apos;: [&quot;text&quot;]).</translation>
    </message>
    <message>
        <source>&apos;stream_options&apos; is only allowed when &apos;stream&apos; is true.</source>
        <translation>&apos;stream_options&apos; solo se permite cuando &apos;stream&apos; es true.</translation>
    </message>
    <message>
        <source>&apos;enable_thinking&apos; and &apos;chat_template_kwargs.enable_thinking&apos; disagree; send one of them.</source>
        <translation>&apos;enable_thinking&apos; y &apos;chat_template_kwargs.enable_thinking&apos; no coinciden; envíe solo uno de ellos.</translation>
    </message>
    <message>
        <source>Invalid &apos;top_k&apos;: expected -1 or 0 (off) or a positive integer, but got %1.</source>
        <translation>&apos;top_k&apos; no válido: se esperaba -1 o 0 (desactivado) o un entero positivo, pero se recibió %1.</translation>
    </message>
    <message>
        <source>Invalid &apos;seed&apos;: expected a non-negative integer, but got %1.</source>
        <translation>&apos;seed&apos; no válido: se esperaba un entero no negativo, pero se recibió %1.</translation>
    </message>
    <message>
        <source>Invalid &apos;%1&apos;: expected a positive integer, but got %2.</source>
        <translation>&apos;%1&apos; no válido: se esperaba un entero positivo, pero se recibió %2.</translation>
    </message>
    <message>
        <source>response_format {&quot;type&quot;: &quot;json_object&quot;} is not supported: Lectern&apos;s constrained decoding writes only the properties a schema names. Send {&quot;type&quot;: &quot;json_schema&quot;, &quot;json_schema&quot;: {&quot;name&quot;: ..., &quot;schema&quot;: {&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {...}}}} instead.</source>
        <translation>No se admite response_format {&quot;type&quot;: &quot;json_object&quot;}: la decodificación restringida de Lectern solo escribe las propiedades que nombra un esquema. Envíe {&quot;type&quot;: &quot;json_schema&quot;, &quot;json_schema&quot;: {&quot;name&quot;: ..., &quot;schema&quot;: {&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {...}}}} en su lugar.</translation>
    </message>
    <message>
        <source>Invalid value for &apos;response_format.type&apos;: &apos;%1&apos;. Supported values are &apos;text&apos; and &apos;json_schema&apos;.</source>
        <translation>Valor no válido para &apos;response_format.type&apos;: &apos;%1&apos;. Los valores admitidos son &apos;text&apos; y &apos;json_schema&apos;.</translation>
    </message>
    <message>
        <source>The JSON schema cannot be used for constrained decoding: %1</source>
        <translation>El esquema JSON no se puede usar para la decodificación restringida: %1</translation>
    </message>
    <message>
        <source>A &apos;tool_choice&apos; that names or forces a function is not supported; use &quot;auto&quot; or &quot;none&quot;.</source>
        <translation>No se admite un &apos;tool_choice&apos; que nombre o fuerce una función; use &quot;auto&quot; o &quot;none&quot;.</translation>
    </message>
    <message>
        <source>tool_choice &quot;required&quot; is not supported; use &quot;auto&quot; or &quot;none&quot;.</source>
        <translation>No se admite tool_choice &quot;required&quot;; use &quot;auto&quot; o &quot;none&quot;.</translation>
    </message>
    <message>
        <source>Invalid value for &apos;tool_choice&apos;: &apos;%1&apos;. Supported values are &apos;auto&apos; and &apos;none&apos;.</source>
        <translation>Valor no válido para &apos;tool_choice&apos;: &apos;%1&apos;. Los valores admitidos son &apos;auto&apos; y &apos;none&apos;.</translation>
    </message>
    <message>
        <source>Invalid &apos;%1.type&apos;: only &quot;function&quot; tools are supported.</source>
        <translation>&apos;%1.type&apos; no válido: solo se admiten herramientas &quot;function&quot;.</translation>
    </message>
    <message>
        <source>The conversation cannot be written in the model&apos;s chat template: %1</source>
        <translation>La conversación no se puede escribir con la plantilla de chat del modelo: %1</translation>
    </message>
    <message>
        <source>The JSON body is nested more than %1 levels deep; send a flatter request.</source>
        <translation>El cuerpo JSON tiene más de %1 niveles de anidamiento; envíe una solicitud más plana.</translation>
    </message>
    <message>
        <source>We could not parse the JSON body of your request: %1. Send a JSON object in UTF-8.</source>
        <translation>No pudimos analizar el cuerpo JSON de su solicitud: %1. Envíe un objeto JSON en UTF-8.</translation>
    </message>
    <message>
        <source>We could not parse the JSON body of your request: %1</source>
        <translation>No pudimos analizar el cuerpo JSON de su solicitud: %1</translation>
    </message>
    <message>
        <source>The request body must be a JSON object, but it is %1.</source>
        <translation>El cuerpo de la solicitud debe ser un objeto JSON, pero es %1.</translation>
    </message>
    <message>
        <source>The request could not be read: %1</source>
        <translation>No se pudo leer la solicitud: %1</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>an unknown value</source>
        <translation>un valor desconocido</translation>
    </message>
    <message>
        <source>Invalid type for &apos;%1&apos;: expected %2, but got %3 instead.</source>
        <translation>Tipo no válido para &apos;%1&apos;: se esperaba %2, pero se recibió %3.</translation>
    </message>
    <message>
        <source>Missing required parameter: &apos;%1&apos;.</source>
        <translation>Falta el parámetro obligatorio: &apos;%1&apos;.</translation>
    </message>
</context>
<context>
    <name>PageRange</name>
    <message>
        <source>The page range &quot;%1&quot; is not valid: &quot;%2&quot; is not a page number. Use numbers and ranges such as 1-5, 8, 10-.</source>
        <translation>El intervalo de páginas «%1» no es válido: «%2» no es un número de página. Use números e intervalos como 1-5, 8, 10-.</translation>
    </message>
    <message>
        <source>The page range &quot;%1&quot; is not valid: &quot;%2&quot; is not a range. Use numbers and ranges such as 1-5, 8, 10-.</source>
        <translation>El intervalo de páginas «%1» no es válido: «%2» no es un intervalo. Use números e intervalos como 1-5, 8, 10-.</translation>
    </message>
    <message>
        <source>The page range &quot;%1&quot; is not valid: %2 runs backwards.</source>
        <translation>El intervalo de páginas «%1» no es válido: %2 va hacia atrás.</translation>
    </message>
    <message numerus="yes">
        <source>The page range &quot;%1&quot; asks for page %2, but the document has only %n page(s).</source>
        <translation>
            <numerusform>El intervalo de páginas «%1» pide la página %2, pero el documento solo tiene %n página.</numerusform>
            <numerusform>El intervalo de páginas «%1» pide la página %2, pero el documento solo tiene %n páginas.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfImporter</name>
    <message>
        <source>There is no page image %1 in this document.</source>
        <translation>No hay ninguna imagen de página %1 en este documento.</translation>
    </message>
    <message>
        <source>The PDF %1 could not be opened again to render a page; it may have been moved or changed.</source>
        <translation>No se pudo volver a abrir el PDF %1 para representar una página; puede que se haya movido o modificado.</translation>
    </message>
    <message>
        <source>Page %1 of the PDF could not be read.</source>
        <translation>No se pudo leer la página %1 del PDF.</translation>
    </message>
    <message>
        <source>Page %1 of the PDF could not be rendered.</source>
        <translation>No se pudo representar la página %1 del PDF.</translation>
    </message>
    <message>
        <source>Opening PDF</source>
        <translation>Abriendo el PDF</translation>
    </message>
    <message>
        <source>The PDF is damaged or incomplete and could not be opened. If it was downloaded, try downloading it again.</source>
        <translation>El PDF está dañado o incompleto y no se pudo abrir. Si lo descargó, vuelva a descargarlo.</translation>
    </message>
    <message>
        <source>This PDF is protected by a password. Enter the password to import it.</source>
        <translation>Este PDF está protegido con contraseña. Introduzca la contraseña para importarlo.</translation>
    </message>
    <message>
        <source>The password is not correct for this PDF. Check it and try again.</source>
        <translation>La contraseña no es correcta para este PDF. Compruébela y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The PDF has no pages.</source>
        <translation>El PDF no tiene páginas.</translation>
    </message>
    <message>
        <source>Only %1 of the %2 selected pages were imported (pages %3 to %4). Choose a page range to import the others.</source>
        <translation>Solo se importaron %1 de las %2 páginas seleccionadas (páginas %3 a %4). Elija un intervalo de páginas para importar las demás.</translation>
    </message>
    <message>
        <source>Reading page %1 of %2</source>
        <translation>Leyendo la página %1 de %2</translation>
    </message>
    <message>
        <source>None of the PDF&apos;s pages could be read; the file is damaged.</source>
        <translation>No se pudo leer ninguna página del PDF; el archivo está dañado.</translation>
    </message>
    <message>
        <source>Some pages could not be read and were skipped: %1.</source>
        <translation>Algunas páginas no se pudieron leer y se omitieron: %1.</translation>
    </message>
    <message>
        <source>Pages without usable text are sent as images: %1.</source>
        <translation>Las páginas sin texto utilizable se envían como imágenes: %1.</translation>
    </message>
    <message>
        <source>The PDF has no usable text layer (it may be scanned); all pages are sent as images.</source>
        <translation>El PDF no tiene una capa de texto utilizable (puede estar escaneado); todas las páginas se envían como imágenes.</translation>
    </message>
    <message>
        <source>PDF read</source>
        <translation>PDF leído</translation>
    </message>
</context>
<context>
    <name>PromptBuilder</name>
    <message>
        <source>%1 is an image. The loaded model cannot see images (it has no vision encoder: load its mmproj file): the file is kept with the conversation, but the answer does not use it.</source>
        <translation>%1 es una imagen. El modelo cargado no puede ver imágenes (no tiene codificador de visión: cargue su archivo mmproj): el archivo se guarda con la conversación, pero la respuesta no lo usa.</translation>
    </message>
    <message>
        <source>%1 is a video. The loaded model cannot see videos (it has no vision encoder: load its mmproj file): the file is kept with the conversation, but the answer does not use it.</source>
        <translation>%1 es un vídeo. El modelo cargado no puede ver vídeos (no tiene codificador de visión: cargue su archivo mmproj): el archivo se guarda con la conversación, pero la respuesta no lo usa.</translation>
    </message>
    <message>
        <source>%1 has no text the model can read, and the loaded model cannot see page images (it has no vision encoder); the answer does not use it.</source>
        <translation>%1 no tiene texto que el modelo pueda leer, y el modelo cargado no puede ver imágenes de página (no tiene codificador de visión); la respuesta no lo usa.</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) of %1 have no text layer and are left out: the loaded model cannot see page images (it has no vision encoder).</source>
        <translation>
            <numerusform>%n página de %1 no tiene capa de texto y se omite: el modelo cargado no puede ver imágenes de página (no tiene codificador de visión).</numerusform>
            <numerusform>%n páginas de %1 no tienen capa de texto y se omiten: el modelo cargado no puede ver imágenes de página (no tiene codificador de visión).</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no decodable pictures; the answer does not use it.</source>
        <translation>%1 no tiene imágenes decodificables; la respuesta no lo usa.</translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>página %1</translation>
    </message>
    <message>
        <source>image</source>
        <translation>imagen</translation>
    </message>
    <message>
        <source>The %1 of %2 cannot be sent to the model (%3); the answer does not use it.</source>
        <translation>La %1 de %2 no se puede enviar al modelo (%3); la respuesta no la usa.</translation>
    </message>
    <message>
        <source>its aspect ratio is above 200:1</source>
        <translation>su relación de aspecto supera 200:1</translation>
    </message>
    <message>
        <source>Frame %1 of %2 cannot be decoded (%3); it is left out.</source>
        <translation>El fotograma %1 de %2 no se puede decodificar (%3); se omite.</translation>
    </message>
    <message>
        <source>The frames of %1 cannot be sent to the model (aspect ratio above 200:1); the answer does not use them.</source>
        <translation>Los fotogramas de %1 no se pueden enviar al modelo (relación de aspecto superior a 200:1); la respuesta no los usa.</translation>
    </message>
    <message>
        <source>video</source>
        <translation>vídeo</translation>
    </message>
</context>
<context>
    <name>ReasoningBlock</name>
    <message numerus="yes">
        <source>Thought for %n s</source>
        <translation>
            <numerusform>Pensó durante %n s</numerusform>
            <numerusform>Pensó durante %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>Pensando…</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>Razonamiento</translation>
    </message>
    <message>
        <source>Hide the reasoning</source>
        <translation>Ocultar el razonamiento</translation>
    </message>
    <message>
        <source>Show the reasoning</source>
        <translation>Mostrar el razonamiento</translation>
    </message>
</context>
<context>
    <name>SamplingPanel</name>
    <message>
        <source>Temperature</source>
        <translation>Temperatura</translation>
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
        <translation>Penalización por presencia</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>Máx. de tokens</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Semilla</translation>
    </message>
    <message>
        <source>Advanced sampling</source>
        <translation>Muestreo avanzado</translation>
    </message>
    <message>
        <source>Empty fields follow the model card (thinking or not, text or images).</source>
        <translation>Los campos vacíos siguen la ficha del modelo (con o sin razonamiento, texto o imágenes).</translation>
    </message>
    <message>
        <source>default</source>
        <translation>predeterminado</translation>
    </message>
    <message>
        <source>Use the model card&apos;s values</source>
        <translation>Usar los valores de la ficha del modelo</translation>
    </message>
</context>
<context>
    <name>ServeCommand</name>
    <message>
        <source>&apos;%1&apos; is not an option; serve takes only options.</source>
        <translation>&apos;%1&apos; no es una opción; serve solo admite opciones.</translation>
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
        <translation>Uso:
  lectern serve [--model MODELO] [--mmproj ARCHIVO] [--device auto|cpu|vulkan] [--context N]
                [--host 127.0.0.1] [--port 8080] [--api-key CLAVE] [--max-body-mb N] [--max-queue N]
                [--no-file-paths]

Ofrece el modelo mediante una API local compatible con OpenAI sin abrir ninguna ventana:
GET /health, GET /v1/models y POST /v1/chat/completions (streaming con server-sent events,
imágenes como URL data: o rutas de archivo, razonamiento con &quot;enable_thinking&quot;, esquemas JSON en
&quot;response_format&quot;, llamadas a herramientas). El único modelo responde las solicitudes una tras otra.
No se guarda nada en las conversaciones de Lectern.

Una vez en marcha, escribe &quot;Lectern API server listening on http://HOST:PORT (model NAME)&quot; en la
salida estándar; cada solicitud escribe una línea en la salida de error. Ctrl+C (SIGINT) o SIGTERM
lo detiene.

  --model MODELO     un archivo .gguf o una carpeta de modelo de HuggingFace (predeterminado: el modelo
                     elegido en los ajustes de Lectern)
  --mmproj ARCHIVO   el GGUF del proyector de visión (predeterminado: el que está junto al modelo)
  --device DISPOSITIVO  auto (Vulkan si está disponible), cpu o vulkan (predeterminado: lo elegido en
                     los ajustes)
  --context N        longitud de contexto en tokens por solicitud (predeterminado: lo elegido en los
                     ajustes; si no, 8192)
  --host DIRECCIÓN   la dirección en la que escuchar (predeterminado 127.0.0.1: solo este ordenador)
  --port N           el puerto (predeterminado 8080; 0 elige uno libre)
  --api-key CLAVE    los clientes deben enviar &quot;Authorization: Bearer CLAVE&quot; (predeterminado: la variable
                     de entorno LECTERN_API_KEY; ninguna si no está definida)
  --max-body-mb N    los cuerpos de solicitud mayores se rechazan con 413 (predeterminado 64)
  --max-queue N      las solicitudes en curso o en espera por encima de N se rechazan con 429
                     (predeterminado 16)
  --no-file-paths    imágenes solo como URL data:: rechazar las partes image_url que nombren archivos locales

Estado de salida: 0 al detenerse por una señal, 1 si no se puede cargar el modelo o enlazar el puerto,
2 ante un error de uso.
</translation>
    </message>
    <message>
        <source>no model is chosen. Give a .gguf file or a model folder with --model, or choose one in Lectern&apos;s settings.</source>
        <translation>no se ha elegido ningún modelo. Indique un archivo .gguf o una carpeta de modelo con --model, o elija uno en los ajustes de Lectern.</translation>
    </message>
    <message>
        <source>the model %1 does not exist. Give a .gguf file or a model folder with --model.</source>
        <translation>el modelo %1 no existe. Indique un archivo .gguf o una carpeta de modelo con --model.</translation>
    </message>
    <message>
        <source>warning: listening on %1 without an API key: anyone who can reach this computer can use the model. Set --api-key or LECTERN_API_KEY.</source>
        <translation>aviso: escuchando en %1 sin clave de API: cualquiera que pueda llegar a este ordenador puede usar el modelo. Defina --api-key o LECTERN_API_KEY.</translation>
    </message>
    <message>
        <source>the vision projector %1 does not exist. Give an mmproj .gguf file with --mmproj.</source>
        <translation>el proyector de visión %1 no existe. Indique un archivo mmproj .gguf con --mmproj.</translation>
    </message>
    <message>
        <source>cannot create a temporary folder: %1</source>
        <translation>no se puede crear una carpeta temporal: %1</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>nota: %1</translation>
    </message>
    <message>
        <source>cannot set up the signal handling.</source>
        <translation>no se puede configurar el manejo de señales.</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>deteniendo</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Choose a GGUF model file</source>
        <translation>Elegir un archivo de modelo GGUF</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>Modelos GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Choose a HuggingFace model folder</source>
        <translation>Elegir una carpeta de modelo de HuggingFace</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>No model chosen</source>
        <translation>Ningún modelo elegido</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>Archivo…</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Carpeta…</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <source>Automatic (GPU when available)</source>
        <translation>Automático (GPU si está disponible)</translation>
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
        <translation>Tamaño del contexto</translation>
    </message>
    <message>
        <source>Limit to</source>
        <translation>Limitar a</translation>
    </message>
    <message>
        <source>Limit the context size</source>
        <translation>Limitar el tamaño del contexto</translation>
    </message>
    <message>
        <source>Context size in tokens</source>
        <translation>Tamaño del contexto en tokens</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>tokens</translation>
    </message>
    <message>
        <source>KV cache</source>
        <translation>Caché KV</translation>
    </message>
    <message>
        <source>16-bit (best quality)</source>
        <translation>16 bits (mejor calidad)</translation>
    </message>
    <message>
        <source>8-bit (half the memory)</source>
        <translation>8 bits (la mitad de memoria)</translation>
    </message>
    <message>
        <source>KV cache precision</source>
        <translation>Precisión de la caché KV</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Like the system</source>
        <translation>Como el sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The new language is used after Lectern restarts.</source>
        <translation>El nuevo idioma se usará cuando Lectern se reinicie.</translation>
    </message>
    <message>
        <source>Use the largest that fits: %1 tokens</source>
        <translation>Usar el mayor que quepa: %1 tokens</translation>
    </message>
    <message>
        <source>Image resolution</source>
        <translation>Resolución de imagen</translation>
    </message>
    <message>
        <source>Full (up to 16,384 tokens per picture)</source>
        <translation>Completa (hasta 16 384 tokens por imagen)</translation>
    </message>
    <message>
        <source>High (up to 4,096 tokens per picture)</source>
        <translation>Alta (hasta 4096 tokens por imagen)</translation>
    </message>
    <message>
        <source>Medium (up to 1,024 tokens per picture)</source>
        <translation>Media (hasta 1024 tokens por imagen)</translation>
    </message>
    <message>
        <source>Low (up to 256 tokens per picture)</source>
        <translation>Baja (hasta 256 tokens por imagen)</translation>
    </message>
    <message>
        <source>Image resolution: the most vision tokens one picture or page image may take</source>
        <translation>Resolución de imagen: el máximo de tokens de visión que puede ocupar una imagen o imagen de página</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Vídeo</translation>
    </message>
    <message>
        <source>Video frames per second</source>
        <translation>Fotogramas de vídeo por segundo</translation>
    </message>
    <message>
        <source>frames per second, at most</source>
        <translation>fotogramas por segundo, como máximo</translation>
    </message>
    <message>
        <source>Most frames sampled from one video</source>
        <translation>Máximo de fotogramas muestreados de un vídeo</translation>
    </message>
    <message>
        <source>frames</source>
        <translation>fotogramas</translation>
    </message>
    <message>
        <source>Automatic (the largest that fits the context)</source>
        <translation>Automática (la mayor que cabe en el contexto)</translation>
    </message>
    <message>
        <source>Local API server</source>
        <translation>Servidor de API local</translation>
    </message>
    <message>
        <source>Serve the model to other apps on this computer (OpenAI-compatible API)</source>
        <translation>Ofrecer el modelo a otras aplicaciones de este ordenador (API compatible con OpenAI)</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Puerto</translation>
    </message>
    <message>
        <source>API server port</source>
        <translation>Puerto del servidor de API</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clave de API</translation>
    </message>
    <message>
        <source>None: every app on this computer may connect</source>
        <translation>Ninguna: cualquier aplicación de este ordenador puede conectarse</translation>
    </message>
    <message>
        <source>API key that clients must send</source>
        <translation>Clave de API que deben enviar los clientes</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ocultar</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Hide the API key</source>
        <translation>Ocultar la clave de API</translation>
    </message>
    <message>
        <source>Show the API key</source>
        <translation>Mostrar la clave de API</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generar</translation>
    </message>
    <message>
        <source>Generate a random API key</source>
        <translation>Generar una clave de API aleatoria</translation>
    </message>
    <message>
        <source>An API key cannot contain spaces or characters outside ASCII.</source>
        <translation>Una clave de API no puede contener espacios ni caracteres fuera de ASCII.</translation>
    </message>
    <message>
        <source>Clients send it as &quot;Authorization: Bearer &lt;key&gt;&quot;. It is stored in plain text in %1.</source>
        <translation>Los clientes la envían como «Authorization: Bearer &lt;key&gt;». Se guarda en texto sin cifrar en %1.</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>URL base</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiada</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy the base URL</source>
        <translation>Copiar la URL base</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Start the API server again</source>
        <translation>Iniciar de nuevo el servidor de API</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>New chat</source>
        <translation>Nuevo chat</translation>
    </message>
    <message>
        <source>New chat (Ctrl+N)</source>
        <translation>Nuevo chat (Ctrl+N)</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>Buscar en las conversaciones</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversaciones</translation>
    </message>
    <message>
        <source>No conversation mentions that</source>
        <translation>Ninguna conversación menciona eso</translation>
    </message>
    <message>
        <source>No conversations yet</source>
        <translation>Aún no hay conversaciones</translation>
    </message>
    <message>
        <source>Conversation deleted</source>
        <translation>Conversación eliminada</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Undo deleting the conversation</source>
        <translation>Deshacer la eliminación de la conversación</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Model: %1</source>
        <translation>Modelo: %1</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>Cargando el modelo…</translation>
    </message>
    <message>
        <source>No model chosen</source>
        <translation>Ningún modelo elegido</translation>
    </message>
    <message>
        <source>Device: CPU</source>
        <translation>Dispositivo: CPU</translation>
    </message>
    <message>
        <source>Device: GPU (Vulkan)</source>
        <translation>Dispositivo: GPU (Vulkan)</translation>
    </message>
    <message>
        <source>Device: automatic</source>
        <translation>Dispositivo: automático</translation>
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
        <translation>%1 de %2 GiB</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>Using the CPU: no Vulkan GPU was found</source>
        <translation>Usando la CPU: no se encontró ninguna GPU Vulkan</translation>
    </message>
    <message>
        <source>Using the CPU: %1</source>
        <translation>Usando la CPU: %1</translation>
    </message>
    <message>
        <source>Backend: %1</source>
        <translation>Motor: %1</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>Dispositivo: %1</translation>
    </message>
    <message>
        <source>Memory: %1</source>
        <translation>Memoria: %1</translation>
    </message>
    <message>
        <source>Context: %1 tokens (up to %2 fit)</source>
        <translation>Contexto: %1 tokens (caben hasta %2)</translation>
    </message>
    <message>
        <source>KV cache: %1</source>
        <translation>Caché KV: %1</translation>
    </message>
    <message>
        <source>Why the CPU: %1</source>
        <translation>Por qué la CPU: %1</translation>
    </message>
    <message>
        <source>%1. Open the API server settings</source>
        <translation>%1. Abrir los ajustes del servidor de API</translation>
    </message>
</context>
<context>
    <name>StreamingImageDecoder</name>
    <message>
        <source>The image file could not be opened.</source>
        <translation>No se pudo abrir el archivo de imagen.</translation>
    </message>
    <message>
        <source>This kind of BMP file cannot be decoded at reduced size; save it as PNG or JPEG, or make it smaller.</source>
        <translation>Este tipo de archivo BMP no se puede decodificar a tamaño reducido; guárdelo como PNG o JPEG, o redúzcalo.</translation>
    </message>
    <message>
        <source>This kind of BMP file (compressed) cannot be decoded at reduced size; save it as PNG or JPEG, or make it smaller.</source>
        <translation>Este tipo de archivo BMP (comprimido) no se puede decodificar a tamaño reducido; guárdelo como PNG o JPEG, o redúzcalo.</translation>
    </message>
    <message>
        <source>Lectern cannot decode %1 images at reduced size.</source>
        <translation>Lectern no puede decodificar imágenes %1 a tamaño reducido.</translation>
    </message>
    <message>
        <source>The image is damaged or incomplete and could not be decoded (%1).</source>
        <translation>La imagen está dañada o incompleta y no se pudo decodificar (%1).</translation>
    </message>
    <message>
        <source>The image file could not be read: %1</source>
        <translation>No se pudo leer el archivo de imagen: %1</translation>
    </message>
    <message>
        <source>Not enough memory to decode the image.</source>
        <translation>No hay memoria suficiente para decodificar la imagen.</translation>
    </message>
</context>
<context>
    <name>TextImporter</name>
    <message>
        <source>Reading text</source>
        <translation>Leyendo el texto</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>No se pudo leer el archivo: %1</translation>
    </message>
    <message>
        <source>The text file grew past the size limit while it was read.</source>
        <translation>El archivo de texto superó el límite de tamaño mientras se leía.</translation>
    </message>
    <message>
        <source>The file is not valid UTF-8; it was read as Latin-1 (ISO-8859-1). If characters look wrong, save it as UTF-8 and import it again.</source>
        <translation>El archivo no es UTF-8 válido; se leyó como Latin-1 (ISO-8859-1). Si algunos caracteres se ven mal, guárdelo como UTF-8 y vuelva a importarlo.</translation>
    </message>
    <message>
        <source>The file contains byte sequences that are invalid in %1; they were replaced.</source>
        <translation>El archivo contiene secuencias de bytes no válidas en %1; se sustituyeron.</translation>
    </message>
    <message>
        <source>The HTML file is %1 MiB; Lectern reads HTML files up to %2 MiB. Save the page as plain text to import it.</source>
        <translation>El archivo HTML ocupa %1 MiB; Lectern lee archivos HTML de hasta %2 MiB. Guarde la página como texto sin formato para importarla.</translation>
    </message>
    <message>
        <source>Extracting text from HTML</source>
        <translation>Extrayendo el texto del HTML</translation>
    </message>
    <message>
        <source>The file is not valid JSON (%1 at character %2); it is used as plain text.</source>
        <translation>El archivo no es JSON válido (%1 en el carácter %2); se usa como texto sin formato.</translation>
    </message>
    <message>
        <source>The file contains no text.</source>
        <translation>El archivo no contiene texto.</translation>
    </message>
    <message>
        <source>Text read</source>
        <translation>Texto leído</translation>
    </message>
</context>
<context>
    <name>VideoImporter</name>
    <message>
        <source>There is no sampled frame %1 in this video.</source>
        <translation>No hay ningún fotograma muestreado %1 en este vídeo.</translation>
    </message>
    <message>
        <source>The video could not be opened again to decode a frame.</source>
        <translation>No se pudo volver a abrir el vídeo para decodificar un fotograma.</translation>
    </message>
    <message>
        <source>Opening video</source>
        <translation>Abriendo el vídeo</translation>
    </message>
    <message>
        <source>The video stream has no valid frame size; the file is damaged.</source>
        <translation>La secuencia de vídeo no tiene un tamaño de fotograma válido; el archivo está dañado.</translation>
    </message>
    <message>
        <source>The video frames are %1 x %2 pixels; Lectern reads videos up to %3 pixels per side.</source>
        <translation>Los fotogramas del vídeo miden %1 × %2 píxeles; Lectern lee vídeos de hasta %3 píxeles por lado.</translation>
    </message>
    <message>
        <source>The video claims to last %1 s; Lectern reads videos up to %2 s. Cut it into shorter clips.</source>
        <translation>El vídeo dice durar %1 s; Lectern lee vídeos de hasta %2 s. Córtelo en fragmentos más cortos.</translation>
    </message>
    <message>
        <source>Reading frame timestamps</source>
        <translation>Leyendo las marcas de tiempo de los fotogramas</translation>
    </message>
    <message>
        <source>The video stream contains no frames.</source>
        <translation>La secuencia de vídeo no contiene fotogramas.</translation>
    </message>
    <message>
        <source>The video is long: %1 frames spread evenly over it were sampled (the frame budget), fewer than %2 per second.</source>
        <translation>El vídeo es largo: se muestrearon %1 fotogramas repartidos por igual (el presupuesto de fotogramas), menos de %2 por segundo.</translation>
    </message>
    <message>
        <source>Decoding a test frame</source>
        <translation>Decodificando un fotograma de prueba</translation>
    </message>
    <message>
        <source>The video&apos;s frames could not be decoded; the file is damaged. %1</source>
        <translation>No se pudieron decodificar los fotogramas del vídeo; el archivo está dañado. %1</translation>
    </message>
    <message>
        <source>Video read</source>
        <translation>Vídeo leído</translation>
    </message>
</context>
<context>
    <name>VideoReader</name>
    <message>
        <source>Not enough memory to open the video.</source>
        <translation>No hay memoria suficiente para abrir el vídeo.</translation>
    </message>
    <message>
        <source>The video file is damaged, incomplete or in a container Lectern does not read (%1). MP4, WebM, Matroska, QuickTime and AVI files are supported.</source>
        <translation>El archivo de vídeo está dañado, incompleto o en un contenedor que Lectern no lee (%1). Se admiten archivos MP4, WebM, Matroska, QuickTime y AVI.</translation>
    </message>
    <message>
        <source>The video&apos;s streams could not be read; the file is damaged (%1).</source>
        <translation>No se pudieron leer las secuencias del vídeo; el archivo está dañado (%1).</translation>
    </message>
    <message>
        <source>The file contains no video stream (it may be audio only). Lectern imports video files.</source>
        <translation>El archivo no contiene ninguna secuencia de vídeo (puede que solo tenga audio). Lectern importa archivos de vídeo.</translation>
    </message>
    <message>
        <source>The video stream has an invalid time base; the file is damaged.</source>
        <translation>La secuencia de vídeo tiene una base de tiempo no válida; el archivo está dañado.</translation>
    </message>
    <message>
        <source>The video uses the %1 codec, which this installation cannot decode. Convert it to H.264 or VP9.</source>
        <translation>El vídeo usa el códec %1, que esta instalación no puede decodificar. Conviértalo a H.264 o VP9.</translation>
    </message>
    <message>
        <source>Not enough memory to open the video decoder.</source>
        <translation>No hay memoria suficiente para abrir el decodificador de vídeo.</translation>
    </message>
    <message>
        <source>The %1 video decoder could not be started (%2).</source>
        <translation>No se pudo iniciar el decodificador de vídeo %1 (%2).</translation>
    </message>
    <message>
        <source>The video has more than %1 frames, more than Lectern reads from one file. Cut it into shorter clips.</source>
        <translation>El vídeo tiene más de %1 fotogramas, más de los que Lectern lee de un archivo. Córtelo en fragmentos más cortos.</translation>
    </message>
    <message>
        <source>A video frame could not be converted to an image.</source>
        <translation>No se pudo convertir un fotograma del vídeo en imagen.</translation>
    </message>
    <message>
        <source>Decoding was stopped.</source>
        <translation>Se detuvo la decodificación.</translation>
    </message>
    <message>
        <source>The video stream is damaged and could not be decoded (%1).</source>
        <translation>La secuencia de vídeo está dañada y no se pudo decodificar (%1).</translation>
    </message>
    <message>
        <source>The video is not open.</source>
        <translation>El vídeo no está abierto.</translation>
    </message>
    <message>
        <source>The frame at %1 s could not be decoded; the video may be truncated.</source>
        <translation>No se pudo decodificar el fotograma en %1 s; puede que el vídeo esté truncado.</translation>
    </message>
</context>
<context>
    <name>lectern::app::ModelDownloader</name>
    <message>
        <source>The download address &quot;%1&quot; is not an http or https address. Correct it in Settings.</source>
        <translation>La dirección de descarga «%1» no es una dirección http ni https. Corríjala en Ajustes.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Choose a folder you can write to.</source>
        <translation>No se puede escribir %1: %2. Elija una carpeta en la que pueda escribir.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Free some disk space and start the download again.</source>
        <translation>No se puede escribir %1: %2. Libere espacio en disco y vuelva a iniciar la descarga.</translation>
    </message>
    <message>
        <source>Download paused. Start it again to continue where it stopped.</source>
        <translation>Descarga en pausa. Iníciela de nuevo para continuar donde se detuvo.</translation>
    </message>
    <message>
        <source>The server answered %1 %2 for %3. Check the download address in Settings.</source>
        <translation>El servidor respondió %1 %2 para %3. Compruebe la dirección de descarga en Ajustes.</translation>
    </message>
    <message>
        <source>The download stopped after %1 bytes: %2. Start it again to resume.</source>
        <translation>La descarga se detuvo tras %1 bytes: %2. Iníciela de nuevo para reanudarla.</translation>
    </message>
    <message>
        <source>The connection closed after %1 of %2 bytes. Start the download again to resume.</source>
        <translation>La conexión se cerró tras %1 de %2 bytes. Vuelva a iniciar la descarga para reanudarla.</translation>
    </message>
    <message>
        <source>Cannot read the downloaded file %1 to check it.</source>
        <translation>No se puede leer el archivo descargado %1 para comprobarlo.</translation>
    </message>
    <message>
        <source>The downloaded file is damaged: its SHA-256 is %1, expected %2. It was deleted; download it again or check the address and checksum in Settings.</source>
        <translation>El archivo descargado está dañado: su SHA-256 es %1 y se esperaba %2. Se ha eliminado; vuelva a descargarlo o compruebe la dirección y la suma de comprobación en Ajustes.</translation>
    </message>
    <message>
        <source>Cannot move the download to %1.</source>
        <translation>No se puede mover la descarga a %1.</translation>
    </message>
</context>
<context>
    <name>lectern::chat</name>
    <message>
        <source>The request was cancelled before it started.</source>
        <translation>La solicitud se canceló antes de empezar.</translation>
    </message>
    <message>
        <source>No model is loaded. Load a model in Lectern (or start `lectern serve` with --model) and send the request again.</source>
        <translation>No hay ningún modelo cargado. Cargue un modelo en Lectern (o inicie `lectern serve` con --model) y vuelva a enviar la solicitud.</translation>
    </message>
    <message>
        <source>The request cannot be turned into a prompt: %1</source>
        <translation>La solicitud no se puede convertir en un prompt: %1</translation>
    </message>
    <message>
        <source>The messages take %1 tokens, but the model&apos;s context holds %2. Send fewer or shorter messages, or load the model with a longer context.</source>
        <translation>Los mensajes ocupan %1 tokens, pero el contexto del modelo admite %2. Envíe menos mensajes o más cortos, o cargue el modelo con un contexto más largo.</translation>
    </message>
    <message>
        <source>The model cannot answer this request: %1</source>
        <translation>El modelo no puede responder a esta solicitud: %1</translation>
    </message>
</context>
<context>
    <name>lectern::chat::ChatService</name>
    <message>
        <source>The request was cancelled: Lectern is shutting down.</source>
        <translation>La solicitud se canceló: Lectern se está cerrando.</translation>
    </message>
</context>
<context>
    <name>lectern::chat::TurnRunner</name>
    <message>
        <source>Cannot load the model %1: %2</source>
        <translation>No se puede cargar el modelo %1: %2</translation>
    </message>
    <message>
        <source>Cannot start a session with the model %1: %2</source>
        <translation>No se puede iniciar una sesión con el modelo %1: %2</translation>
    </message>
    <message>
        <source>The question was cancelled before it was sent.</source>
        <translation>La pregunta se canceló antes de enviarse.</translation>
    </message>
    <message>
        <source>No model is loaded. Load a model before asking.</source>
        <translation>No hay ningún modelo cargado. Cargue un modelo antes de preguntar.</translation>
    </message>
    <message>
        <source>The question is empty. Type a question to ask.</source>
        <translation>La pregunta está vacía. Escriba una pregunta.</translation>
    </message>
    <message>
        <source>Cannot open the database %1 for writing: %2</source>
        <translation>No se puede abrir la base de datos %1 para escribir: %2</translation>
    </message>
    <message>
        <source>There is no conversation %1 in %2. Leave out the conversation to start a new one.</source>
        <translation>No hay ninguna conversación %1 en %2. Omita la conversación para empezar una nueva.</translation>
    </message>
    <message>
        <source>%1 cannot be attached: %2</source>
        <translation>No se puede adjuntar %1: %2</translation>
    </message>
    <message>
        <source>Cannot build the prompt: %1</source>
        <translation>No se puede construir el prompt: %1</translation>
    </message>
    <message>
        <source>The conversation and its attachments take %1 tokens, but the context holds %2. Attach less, start a new conversation or load the model with a longer context.</source>
        <translation>La conversación y sus adjuntos ocupan %1 tokens, pero el contexto admite %2. Adjunte menos, empiece una conversación nueva o cargue el modelo con un contexto más largo.</translation>
    </message>
    <message>
        <source>Cannot save the question: %1</source>
        <translation>No se puede guardar la pregunta: %1</translation>
    </message>
    <message>
        <source>Cannot save the answer: %1</source>
        <translation>No se puede guardar la respuesta: %1</translation>
    </message>
    <message>
        <source>Generation failed: %1</source>
        <translation>La generación falló: %1</translation>
    </message>
    <message>
        <source>Unknown KV cache precision &quot;%1&quot;: choose f16 or q8_0.</source>
        <translation>Precisión de caché KV desconocida «%1»: elija f16 o q8_0.</translation>
    </message>
    <message>
        <source>The image budget was not changed: %1</source>
        <translation>No se cambió el presupuesto de imagen: %1</translation>
    </message>
    <message>
        <source>No model is loaded, so the prompt cannot be estimated.</source>
        <translation>No hay ningún modelo cargado, así que no se puede estimar el prompt.</translation>
    </message>
    <message>
        <source>Cannot estimate the prompt: %1</source>
        <translation>No se puede estimar el prompt: %1</translation>
    </message>
    <message numerus="yes">
        <source>The pictures of the %n earliest question(s) with pictures are left out: the whole conversation does not fit the context otherwise.</source>
        <translation>
            <numerusform>Se omiten las imágenes de la %n pregunta más antigua con imágenes: de lo contrario, toda la conversación no cabe en el contexto.</numerusform>
            <numerusform>Se omiten las imágenes de las %n preguntas más antiguas con imágenes: de lo contrario, toda la conversación no cabe en el contexto.</numerusform>
        </translation>
    </message>
    <message>
        <source>The pictures of earlier questions are sent at lower resolution so that the whole conversation fits the context.</source>
        <translation>Las imágenes de las preguntas anteriores se envían con menor resolución para que toda la conversación quepa en el contexto.</translation>
    </message>
    <message>
        <source>The pictures of %1 from an earlier question are not sent again: the file is gone or has changed since.</source>
        <translation>Las imágenes de %1 de una pregunta anterior no se vuelven a enviar: el archivo ya no existe o ha cambiado desde entonces.</translation>
    </message>
</context>
<context>
    <name>lectern::extract::ExtractionService</name>
    <message>
        <source>The database cannot be opened.</source>
        <translation>No se puede abrir la base de datos.</translation>
    </message>
    <message>
        <source>Extraction job %1 is running.</source>
        <translation>La tarea de extracción %1 está en curso.</translation>
    </message>
</context>
<context>
    <name>lectern::extract::ExtractionWorker</name>
    <message>
        <source>Cannot load the model %1: %2</source>
        <translation>No se puede cargar el modelo %1: %2</translation>
    </message>
    <message>
        <source>Cannot start a session with the model %1: %2</source>
        <translation>No se puede iniciar una sesión con el modelo %1: %2</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation>No se puede abrir la base de datos %1: %2</translation>
    </message>
    <message>
        <source>No model is loaded. Load a model before extracting.</source>
        <translation>No hay ningún modelo cargado. Cargue un modelo antes de extraer.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>%1 has no text to extract from (image-only pages are not read yet).</source>
        <translation>%1 no tiene texto del que extraer (las páginas que solo son imagen aún no se leen).</translation>
    </message>
    <message>
        <source>Extraction failed: %1</source>
        <translation>La extracción falló: %1</translation>
    </message>
    <message>
        <source>page %1: the answer is not complete JSON (%2); raise the token limit</source>
        <translation>página %1: la respuesta no es JSON completo (%2); aumente el límite de tokens</translation>
    </message>
</context>
<context>
    <name>lectern::server::ApiServer</name>
    <message>
        <source>Port %1 on %2 needs administrator rights. Choose a port above 1023.</source>
        <translation>El puerto %1 en %2 requiere permisos de administrador. Elija un puerto por encima de 1023.</translation>
    </message>
    <message>
        <source>Cannot listen on %1 port %2: %3. Check that the address belongs to this computer (127.0.0.1 for this computer only).</source>
        <translation>No se puede escuchar en %1, puerto %2: %3. Compruebe que la dirección pertenece a este ordenador (127.0.0.1 para solo este ordenador).</translation>
    </message>
    <message>
        <source>the address is not usable</source>
        <translation>la dirección no se puede usar</translation>
    </message>
    <message>
        <source>Port %1 on %2 is in use by another program. Choose another port, or stop the other program.</source>
        <translation>El puerto %1 en %2 está en uso por otro programa. Elija otro puerto o cierre el otro programa.</translation>
    </message>
</context>
<context>
    <name>lectern::ui</name>
    <message>
        <source>&apos;%1&apos; is not a value of type %2.</source>
        <translation>«%1» no es un valor de tipo %2.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of: %2.</source>
        <translation>«%1» no es uno de: %2.</translation>
    </message>
</context>
<context>
    <name>lectern::ui::AppSettings</name>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
</context>
<context>
    <name>lectern::ui::AttachmentListModel</name>
    <message>
        <source>1 page</source>
        <translation>1 página</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 páginas</translation>
    </message>
    <message>
        <source>1 frame</source>
        <translation>1 fotograma</translation>
    </message>
    <message>
        <source>%1 frames</source>
        <translation>%1 fotogramas</translation>
    </message>
    <message>
        <source>image</source>
        <translation>imagen</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
</context>
<context>
    <name>lectern::ui::AttachmentResender</name>
    <message>
        <source>%1 has no stored text, so it is not sent again.</source>
        <translation>%1 no tiene texto guardado, así que no se vuelve a enviar.</translation>
    </message>
    <message>
        <source>%1 has changed or is gone, and no text of it is stored, so it is not sent again.</source>
        <translation>%1 ha cambiado o ya no existe, y no hay texto guardado de él, así que no se vuelve a enviar.</translation>
    </message>
    <message>
        <source>%1 has changed since it was sent, so it is not sent again. Attach it again to ask about the new version.</source>
        <translation>%1 ha cambiado desde que se envió, así que no se vuelve a enviar. Adjúntelo de nuevo para preguntar por la nueva versión.</translation>
    </message>
    <message>
        <source>%1 cannot be read again (%2), so it is not sent again.</source>
        <translation>%1 no se puede volver a leer (%2), así que no se vuelve a enviar.</translation>
    </message>
</context>
<context>
    <name>lectern::ui::ChatController</name>
    <message>
        <source>No database is open, so no model can be used.</source>
        <translation>No hay ninguna base de datos abierta, así que no se puede usar ningún modelo.</translation>
    </message>
    <message>
        <source>Cannot read the conversations: %1</source>
        <translation>No se pueden leer las conversaciones: %1</translation>
    </message>
    <message>
        <source>Cannot read the conversation: %1</source>
        <translation>No se puede leer la conversación: %1</translation>
    </message>
    <message>
        <source>Cannot rename the conversation: %1</source>
        <translation>No se puede cambiar el nombre de la conversación: %1</translation>
    </message>
    <message>
        <source>Cannot delete the conversation: %1</source>
        <translation>No se puede eliminar la conversación: %1</translation>
    </message>
    <message>
        <source>Cannot save the thinking setting: %1</source>
        <translation>No se puede guardar el ajuste de razonamiento: %1</translation>
    </message>
    <message>
        <source>Cannot search: %1</source>
        <translation>No se puede buscar: %1</translation>
    </message>
    <message>
        <source>No database is open, so nothing can be asked or kept.</source>
        <translation>No hay ninguna base de datos abierta, así que no se puede preguntar ni guardar nada.</translation>
    </message>
    <message>
        <source>Wait for the answer, or stop it, before asking again.</source>
        <translation>Espere a la respuesta, o deténgala, antes de volver a preguntar.</translation>
    </message>
    <message>
        <source>No model is loaded. Open a model before asking.</source>
        <translation>No hay ningún modelo cargado. Abra un modelo antes de preguntar.</translation>
    </message>
    <message>
        <source>Cannot remove the old answer: %1</source>
        <translation>No se puede quitar la respuesta anterior: %1</translation>
    </message>
</context>
<context>
    <name>lectern::ui::ExtractionController</name>
    <message>
        <source>The database cannot be opened, so the change cannot be kept.</source>
        <translation>No se puede abrir la base de datos, así que el cambio no se puede guardar.</translation>
    </message>
    <message>
        <source>There is no built-in template named &apos;%1&apos;.</source>
        <translation>No hay ninguna plantilla integrada llamada «%1».</translation>
    </message>
    <message>
        <source>%1 is not a file that can be read.</source>
        <translation>%1 no es un archivo que se pueda leer.</translation>
    </message>
    <message>
        <source>Extraction needs the database, which could not be opened.</source>
        <translation>La extracción necesita la base de datos, que no se pudo abrir.</translation>
    </message>
    <message>
        <source>Nothing to extract: add files first.</source>
        <translation>Nada que extraer: añada archivos primero.</translation>
    </message>
    <message>
        <source>Choose a model first (Settings → Model).</source>
        <translation>Elija primero un modelo (Ajustes → Modelo).</translation>
    </message>
    <message>
        <source>The file of this record is not in the extraction queue, so it cannot be re-run.</source>
        <translation>El archivo de este registro no está en la cola de extracción, así que no se puede repetir.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>Cannot save the change: %1</source>
        <translation>No se puede guardar el cambio: %1</translation>
    </message>
    <message>
        <source>Cannot queue the files: %1</source>
        <translation>No se pueden poner los archivos en la cola: %1</translation>
    </message>
    <message>
        <source>Extraction job %1 is running.</source>
        <translation>La tarea de extracción %1 está en curso.</translation>
    </message>
</context>
<context>
    <name>lectern::ui::ExtractionRecordModel</name>
    <message>
        <source>Source file</source>
        <translation>Archivo de origen</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Página</translation>
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
        <translation>%1 no existe.</translation>
    </message>
    <message>
        <source>The folder %1 has no config.json: choose a HuggingFace model folder.</source>
        <translation>La carpeta %1 no tiene config.json: elija una carpeta de modelo de HuggingFace.</translation>
    </message>
    <message>
        <source>%1 is not a GGUF model file.</source>
        <translation>%1 no es un archivo de modelo GGUF.</translation>
    </message>
    <message>
        <source>%1 is a %2 model; Lectern runs Qwen3.5 models.</source>
        <translation>%1 es un modelo %2; Lectern ejecuta modelos Qwen3.5.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
</context>
<context>
    <name>lectern::ui::ServerController</name>
    <message>
        <source>API server starting…</source>
        <translation>Iniciando el servidor de API…</translation>
    </message>
    <message>
        <source>API server could not start</source>
        <translation>El servidor de API no pudo iniciarse</translation>
    </message>
    <message>
        <source>API: %1, %2</source>
        <translation>API: %1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) running</source>
        <translation>
            <numerusform>%n solicitud en curso</numerusform>
            <numerusform>%n solicitudes en curso</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n en espera</numerusform>
            <numerusform>%n en espera</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>API: %n request(s) running</source>
        <translation>
            <numerusform>API: %n solicitud en curso</numerusform>
            <numerusform>API: %n solicitudes en curso</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>API: %n request(s) waiting</source>
        <translation>
            <numerusform>API: %n solicitud en espera</numerusform>
            <numerusform>API: %n solicitudes en espera</numerusform>
        </translation>
    </message>
    <message>
        <source>API server on :%1</source>
        <translation>Servidor de API en :%1</translation>
    </message>
    <message>
        <source>Not available: no database could be opened.</source>
        <translation>No disponible: no se pudo abrir ninguna base de datos.</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>Could not start: %1</source>
        <translation>No se pudo iniciar: %1</translation>
    </message>
    <message>
        <source>Listening on %1 · %2</source>
        <translation>Escuchando en %1 · %2</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>Escuchando en %1</translation>
    </message>
    <message>
        <source>The local API server could not start: %1</source>
        <translation>El servidor de API local no pudo iniciarse: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Conversations cannot be kept: %1</source>
        <translation>No se pueden guardar las conversaciones: %1</translation>
    </message>
    <message>
        <source>lectern: cannot draw the window: %1
If this computer has no working OpenGL driver, start Lectern with QT_QUICK_BACKEND=software.</source>
        <translation>lectern: no se puede dibujar la ventana: %1
Si este ordenador no tiene un controlador OpenGL que funcione, inicie Lectern con QT_QUICK_BACKEND=software.</translation>
    </message>
</context>
</TS>
