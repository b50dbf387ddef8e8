<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Lectern</source>
        <translation>Über Lectern</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Ask questions about your PDFs, images and videos with a Qwen3.5 model running on this computer.</source>
        <translation>Stellen Sie Fragen zu Ihren PDFs, Bildern und Videos – beantwortet von einem Qwen3.5-Modell auf diesem Computer.</translation>
    </message>
    <message>
        <source>Compute devices</source>
        <translation>Rechengeräte</translation>
    </message>
    <message>
        <source>Looking for devices…</source>
        <translation>Geräte werden gesucht …</translation>
    </message>
    <message>
        <source>Built with</source>
        <translation>Erstellt mit</translation>
    </message>
    <message>
        <source>%1 %2 — licence: %3</source>
        <translation>%1 %2 – Lizenz: %3</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy these details</source>
        <translation>Diese Angaben kopieren</translation>
    </message>
</context>
<context>
    <name>AboutInfo</name>
    <message>
        <source> — used by Lectern</source>
        <translation> – von Lectern verwendet</translation>
    </message>
    <message>
        <source> — not usable: %1</source>
        <translation> – nicht nutzbar: %1</translation>
    </message>
    <message>
        <source>No Vulkan device</source>
        <translation>Kein Vulkan-Gerät</translation>
    </message>
    <message>
        <source>Compute devices:</source>
        <translation>Rechengeräte:</translation>
    </message>
    <message>
        <source>Built with:</source>
        <translation>Erstellt mit:</translation>
    </message>
</context>
<context>
    <name>ApiErrors</name>
    <message>
        <source>The HTTP request is malformed. Send a valid HTTP/1.1 request.</source>
        <translation>Die HTTP-Anfrage ist fehlerhaft. Senden Sie eine gültige HTTP/1.1-Anfrage.</translation>
    </message>
    <message>
        <source>There is no %1 here. This server answers GET /health, GET /v1/models and POST /v1/chat/completions.</source>
        <translation>Hier gibt es kein %1. Dieser Server beantwortet GET /health, GET /v1/models und POST /v1/chat/completions.</translation>
    </message>
    <message>
        <source>The request body is larger than this server accepts (%1 MiB). Send smaller pictures or fewer messages, or raise the limit.</source>
        <translation>Der Anfrageinhalt ist größer, als dieser Server annimmt (%1 MiB). Senden Sie kleinere Bilder oder weniger Nachrichten, oder erhöhen Sie die Grenze.</translation>
    </message>
    <message>
        <source>The request failed with HTTP status %1.</source>
        <translation>Die Anfrage ist mit HTTP-Status %1 fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The API key is not the one this server was started with. Send the right key as &quot;Authorization: Bearer &lt;key&gt;&quot;.</source>
        <translation>Der API-Schlüssel ist nicht der, mit dem dieser Server gestartet wurde. Senden Sie den richtigen Schlüssel als &quot;Authorization: Bearer &lt;key&gt;&quot;.</translation>
    </message>
    <message>
        <source>This server needs an API key. Send it as the header &quot;Authorization: Bearer &lt;key&gt;&quot;.</source>
        <translation>Dieser Server braucht einen API-Schlüssel. Senden Sie ihn im Header &quot;Authorization: Bearer &lt;key&gt;&quot;.</translation>
    </message>
    <message>
        <source>%1 does not take %2; use %3.</source>
        <translation>%1 nimmt kein %2; verwenden Sie %3.</translation>
    </message>
    <message>
        <source>The server is busy with %1 requests (the most it queues). Retry once one has finished.</source>
        <translation>Der Server ist mit %1 Anfragen ausgelastet (so viele reiht er höchstens ein). Versuchen Sie es erneut, sobald eine fertig ist.</translation>
    </message>
    <message>
        <source>No model is loaded. Load a model in Lectern (or start `lectern serve` with --model) and send the request again.</source>
        <translation>Es ist kein Modell geladen. Laden Sie ein Modell in Lectern (oder starten Sie `lectern serve` mit --model) und senden Sie die Anfrage erneut.</translation>
    </message>
    <message>
        <source>The server is stopping. Send the request again once it is back.</source>
        <translation>Der Server wird beendet. Senden Sie die Anfrage erneut, sobald er wieder läuft.</translation>
    </message>
    <message>
        <source>The server failed on this request (%1). Other requests are not affected; please report this.</source>
        <translation>Der Server ist an dieser Anfrage gescheitert (%1). Andere Anfragen sind nicht betroffen; bitte melden Sie dies.</translation>
    </message>
    <message>
        <source>Generation failed: %1</source>
        <translation>Die Erzeugung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The request was cancelled: the server is stopping.</source>
        <translation>Die Anfrage wurde abgebrochen: Der Server wird beendet.</translation>
    </message>
    <message>
        <source>The client closed the connection before the answer was ready; the completion was cancelled.</source>
        <translation>Der Client hat die Verbindung geschlossen, bevor die Antwort fertig war; die Vervollständigung wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>AppHeader</name>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Conversation: %1</source>
        <translation>Unterhaltung: %1</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Über</translation>
    </message>
    <message>
        <source>About Lectern</source>
        <translation>Über Lectern</translation>
    </message>
    <message>
        <source>About Lectern (F1)</source>
        <translation>Über Lectern (F1)</translation>
    </message>
    <message>
        <source>Extract</source>
        <translation>Extrahieren</translation>
    </message>
    <message>
        <source>Extract data from files</source>
        <translation>Daten aus Dateien extrahieren</translation>
    </message>
    <message>
        <source>Extract tables of data from files (Ctrl+E)</source>
        <translation>Datentabellen aus Dateien extrahieren (Strg+E)</translation>
    </message>
</context>
<context>
    <name>AskCommand</name>
    <message>
        <source>--seed takes a whole number from 0 to 18446744073709551615, not &apos;%1&apos;.</source>
        <translation>--seed erwartet eine ganze Zahl von 0 bis 18446744073709551615, nicht »%1«.</translation>
    </message>
    <message>
        <source>--model is required.</source>
        <translation>--model ist erforderlich.</translation>
    </message>
    <message>
        <source>no question given.</source>
        <translation>Keine Frage angegeben.</translation>
    </message>
    <message>
        <source>give the question as one argument (in quotes); &apos;%1&apos; is extra.</source>
        <translation>Geben Sie die Frage als ein Argument (in Anführungszeichen) an; »%1« ist überzählig.</translation>
    </message>
    <message>
        <source>the question is empty.</source>
        <translation>Die Frage ist leer.</translation>
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
        <translation>Aufruf:
  lectern ask --model MODELL [--mmproj DATEI] [--think] [--attach DATEI]... [--db PFAD] [--conversation ID]
              [--device auto|cpu|vulkan] [--max-tokens N] [--seed N] [--greedy] [--context N]
              &quot;FRAGE&quot;

Stellt eine Frage, ohne ein Fenster zu öffnen, über denselben Import, Prompt, dieselbe Engine und
Speicherung wie das Fenster, und speichert den Austausch in der Datenbank.

Ausgabe: Die Antwort wird auf die Standardausgabe gestreamt. Die Überlegungen des Modells (--think)
gehen auf die Standardfehlerausgabe, ebenso Warnungen, die Statistik und zuletzt die Zeile
&quot;conversation ID&quot;: Übergeben Sie diese ID an --conversation, um in derselben Unterhaltung nachzufragen.

  --model MODELL       eine .gguf-Datei oder ein HuggingFace-Modellordner
  --think              Denkmodus: Das Modell denkt nach, bevor es antwortet
  --mmproj DATEI       die GGUF-Datei des Vision-Projektors (Standard: der eigene Vision-Turm des
                       Modellordners oder mmproj-&lt;Modellname&gt;.gguf neben einem GGUF-Modell)
  --attach DATEI       eine Datei zur Frage (wiederholbar): der Text von PDFs und Textdateien; Bilder,
                       gescannte PDF-Seiten und Videobilder, wenn das Modell einen Bild-Encoder hat
                       (ohne ihn werden sie mit dem Austausch gespeichert und eine Warnung sagt das)
  --db PFAD            die Datenbank (Standard: %1)
  --conversation ID    diese Unterhaltung fortsetzen (ihr Verlauf wird erneut gesendet)
  --device GERÄT       auto (Vulkan, wenn verfügbar), cpu oder vulkan (Standard auto)
  --max-tokens N       nach N erzeugten Tokens anhalten, Überlegungen eingeschlossen
  --seed N             Sampling-Seed: Dieselbe Frage ergibt auf demselben Gerät dieselbe Antwort
  --greedy             immer das wahrscheinlichste Token nehmen (auch ohne Seed deterministisch)
  --context N          Kontextlänge in Tokens (Standard 8192)

Exit-Status: 0, wenn die Antwort vollständig ist oder --max-tokens erreicht hat, 1 bei einem Fehler,
2 bei einem Aufruffehler.
</translation>
    </message>
    <message>
        <source>the model %1 does not exist. Give a .gguf file or a model folder with --model.</source>
        <translation>Das Modell %1 existiert nicht. Geben Sie mit --model eine .gguf-Datei oder einen Modellordner an.</translation>
    </message>
    <message>
        <source>there is no conversation %1 in %2. Leave out --conversation to start a new one.</source>
        <translation>In %2 gibt es keine Unterhaltung %1. Lassen Sie --conversation weg, um eine neue zu beginnen.</translation>
    </message>
    <message>
        <source>cannot attach %1: %2</source>
        <translation>%1 kann nicht angehängt werden: %2</translation>
    </message>
    <message>
        <source>warning: %1: %2</source>
        <translation>Warnung: %1: %2</translation>
    </message>
    <message>
        <source>the vision projector %1 does not exist. Give an mmproj .gguf file with --mmproj.</source>
        <translation>Der Vision-Projektor %1 existiert nicht. Geben Sie mit --mmproj eine mmproj-.gguf-Datei an.</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>conversation %1</source>
        <translation>Unterhaltung %1</translation>
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
        <translation>%1, %2, etwa %3 Tokens</translation>
    </message>
    <message>
        <source>Reading… %1%</source>
        <translation>Wird gelesen … %1 %</translation>
    </message>
    <message>
        <source>%1 · %2 tokens</source>
        <translation>%1 · %2 Tokens</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Page images</source>
        <translation>Seitenbilder</translation>
    </message>
    <message>
        <source>How to send %1</source>
        <translation>Wie %1 gesendet wird</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>AttachmentRepository</name>
    <message>
        <source>An attachment needs its original file path.</source>
        <translation>Ein Anhang braucht seinen ursprünglichen Dateipfad.</translation>
    </message>
    <message>
        <source>The attachment&apos;s SHA-256 must be 64 lower-case hex digits, not &apos;%1&apos;.</source>
        <translation>Der SHA-256 des Anhangs muss aus 64 kleingeschriebenen Hex-Ziffern bestehen, nicht »%1«.</translation>
    </message>
    <message>
        <source>An attachment needs a kind (pdf, image, ...).</source>
        <translation>Ein Anhang braucht eine Art (pdf, image, …).</translation>
    </message>
    <message>
        <source>The cache key &apos;%1&apos; must be relative to the cache folder and stay inside it.</source>
        <translation>Der Cache-Schlüssel »%1« muss relativ zum Cache-Ordner sein und darin bleiben.</translation>
    </message>
    <message>
        <source>Cannot attach %1: conversation %2 or its message does not exist (%3).</source>
        <translation>%1 kann nicht angehängt werden: Unterhaltung %2 oder ihre Nachricht existiert nicht (%3).</translation>
    </message>
    <message>
        <source>There is no attachment with id %1.</source>
        <translation>Es gibt keinen Anhang mit der ID %1.</translation>
    </message>
</context>
<context>
    <name>ChatArea</name>
    <message>
        <source>Ask about your documents</source>
        <translation>Fragen zu Ihren Dokumenten</translation>
    </message>
    <message>
        <source>Drop PDFs, images or videos here, or type a question</source>
        <translation>PDFs, Bilder oder Videos hierher ziehen oder eine Frage eingeben</translation>
    </message>
    <message>
        <source>Everything stays on this computer.</source>
        <translation>Alles bleibt auf diesem Computer.</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Stop the answer</source>
        <translation>Die Antwort anhalten</translation>
    </message>
    <message>
        <source>Stop (Esc)</source>
        <translation>Stopp (Esc)</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss the error</source>
        <translation>Den Fehler ausblenden</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Lectern: ask questions about your PDFs, images and videos, answered on this computer.</source>
        <translation>Lectern: Fragen zu Ihren PDFs, Bildern und Videos stellen, beantwortet auf diesem Computer.</translation>
    </message>
    <message>
        <source>Print the program name and version, then quit.</source>
        <translation>Programmname und Version ausgeben, dann beenden.</translation>
    </message>
    <message>
        <source>PDFs, images, videos or text files to open.</source>
        <translation>Zu öffnende PDFs, Bilder, Videos oder Textdateien.</translation>
    </message>
    <message>
        <source>[FILE...]</source>
        <translation>[DATEI...]</translation>
    </message>
    <message>
        <source>Try &apos;%1 --help&apos; for more information.</source>
        <translation>»%1 --help« zeigt weitere Informationen.</translation>
    </message>
    <message>
        <source>--screenshot only works together with --smoke-test.</source>
        <translation>--screenshot funktioniert nur zusammen mit --smoke-test.</translation>
    </message>
    <message>
        <source>--screenshot needs a file name.</source>
        <translation>--screenshot braucht einen Dateinamen.</translation>
    </message>
    <message>
        <source>An empty file name was given.</source>
        <translation>Ein leerer Dateiname wurde angegeben.</translation>
    </message>
    <message>
        <source>Show this help, then quit.</source>
        <translation>Diese Hilfe anzeigen, dann beenden.</translation>
    </message>
    <message>
        <source>Without a window: lectern inspect|ask|extract|export|serve ... (serve: the local OpenAI-compatible API server); lectern MODE --help shows each mode&apos;s options.</source>
        <translation>Ohne Fenster: lectern inspect|ask|extract|export|serve ... (serve: der lokale OpenAI-kompatible API-Server); lectern MODUS --help zeigt die Optionen jedes Modus.</translation>
    </message>
</context>
<context>
    <name>CommandOptions</name>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1 braucht einen Wert.</translation>
    </message>
    <message>
        <source>%1 needs a non-empty value.</source>
        <translation>%1 braucht einen nicht leeren Wert.</translation>
    </message>
    <message>
        <source>%1 takes a whole number from %2 to %3, not &apos;%4&apos;.</source>
        <translation>%1 erwartet eine ganze Zahl von %2 bis %3, nicht »%4«.</translation>
    </message>
    <message>
        <source>%1 takes no value.</source>
        <translation>%1 nimmt keinen Wert.</translation>
    </message>
    <message>
        <source>--device takes auto, cpu or vulkan, not &apos;%1&apos;.</source>
        <translation>--device erwartet auto, cpu oder vulkan, nicht »%1«.</translation>
    </message>
    <message>
        <source>unknown argument &apos;%1&apos;.</source>
        <translation>Unbekanntes Argument »%1«.</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Type a question…</source>
        <translation>Eine Frage eingeben …</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>Documents, images and videos (*.pdf *.png *.jpg *.jpeg *.webp *.gif *.bmp *.tif *.tiff *.mp4 *.mkv *.webm *.mov *.avi *.txt *.md *.csv *.json *.html)</source>
        <translation>Dokumente, Bilder und Videos (*.pdf *.png *.jpg *.jpeg *.webp *.gif *.bmp *.tif *.tiff *.mp4 *.mkv *.webm *.mov *.avi *.txt *.md *.csv *.json *.html)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Fewer pages</source>
        <translation>Weniger Seiten</translation>
    </message>
    <message>
        <source>Pages to send, for example 1-5, 8, 10-</source>
        <translation>Zu sendende Seiten, zum Beispiel 1-5, 8, 10-</translation>
    </message>
    <message>
        <source>Pages to send</source>
        <translation>Zu sendende Seiten</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>This is %1 tokens more than the model can read.</source>
        <translation>Das sind %1 Tokens mehr, als das Modell lesen kann.</translation>
    </message>
    <message>
        <source>Fewer pages…</source>
        <translation>Weniger Seiten …</translation>
    </message>
    <message>
        <source>Fewer frames</source>
        <translation>Weniger Einzelbilder</translation>
    </message>
    <message>
        <source>Lower image resolution</source>
        <translation>Geringere Bildauflösung</translation>
    </message>
    <message>
        <source>Reading the question</source>
        <translation>Die Frage wird gelesen</translation>
    </message>
    <message>
        <source>%1 of %2 tokens</source>
        <translation>%1 von %2 Tokens</translation>
    </message>
    <message>
        <source>%1, about %2 s left</source>
        <translation>%1, noch etwa %2 s</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the answer</source>
        <translation>Die Antwort abbrechen</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>Anhängen …</translation>
    </message>
    <message>
        <source>Attach PDFs, images, videos or text files (Ctrl+O)</source>
        <translation>PDFs, Bilder, Videos oder Textdateien anhängen (Strg+O)</translation>
    </message>
    <message>
        <source>Think first</source>
        <translation>Erst nachdenken</translation>
    </message>
    <message>
        <source>Think before answering</source>
        <translation>Vor dem Antworten nachdenken</translation>
    </message>
    <message>
        <source>The model reasons before it answers: slower, often better. Saved per conversation.</source>
        <translation>Das Modell denkt nach, bevor es antwortet: langsamer, oft besser. Wird pro Unterhaltung gespeichert.</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>Advanced sampling settings</source>
        <translation>Erweiterte Sampling-Einstellungen</translation>
    </message>
    <message>
        <source>Automatic resolution</source>
        <translation>Automatische Auflösung</translation>
    </message>
    <message>
        <source>High resolution</source>
        <translation>Hohe Auflösung</translation>
    </message>
    <message>
        <source>Medium resolution</source>
        <translation>Mittlere Auflösung</translation>
    </message>
    <message>
        <source>Low resolution</source>
        <translation>Niedrige Auflösung</translation>
    </message>
    <message>
        <source>Image resolution for every picture</source>
        <translation>Bildauflösung für alle Bilder</translation>
    </message>
    <message>
        <source>full resolution</source>
        <translation>voller Auflösung</translation>
    </message>
    <message>
        <source>high resolution</source>
        <translation>hoher Auflösung</translation>
    </message>
    <message>
        <source>medium resolution</source>
        <translation>mittlerer Auflösung</translation>
    </message>
    <message>
        <source>low resolution</source>
        <translation>niedriger Auflösung</translation>
    </message>
    <message>
        <source>Pictures are sent at %1, chosen to fit the context.</source>
        <translation>Bilder werden mit %1 gesendet, passend zum Kontext gewählt.</translation>
    </message>
</context>
<context>
    <name>ContextMeter</name>
    <message>
        <source>%1 of %2 tokens</source>
        <translation>%1 von %2 Tokens</translation>
    </message>
    <message>
        <source>Context used: %1</source>
        <translation>Belegter Kontext: %1</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>≈ %1 s to read</source>
        <translation>≈ %1 s zum Lesen</translation>
    </message>
    <message>
        <source>≈ %1 min to read</source>
        <translation>≈ %1 min zum Lesen</translation>
    </message>
    <message>
        <source>≈ %1 h to read</source>
        <translation>≈ %1 h zum Lesen</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>needs %1</source>
        <translation>braucht %1</translation>
    </message>
    <message>
        <source>%1: more than the device has</source>
        <translation>%1: mehr, als das Gerät hat</translation>
    </message>
    <message>
        <source>Context used: %1; %2</source>
        <translation>Belegter Kontext: %1; %2</translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message>
        <source>Open conversation</source>
        <translation>Unterhaltung öffnen</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>Conversation title</source>
        <translation>Titel der Unterhaltung</translation>
    </message>
    <message>
        <source>Rename conversation</source>
        <translation>Unterhaltung umbenennen</translation>
    </message>
    <message>
        <source>Rename (F2)</source>
        <translation>Umbenennen (F2)</translation>
    </message>
    <message>
        <source>Delete conversation</source>
        <translation>Unterhaltung löschen</translation>
    </message>
    <message>
        <source>Delete (Del)</source>
        <translation>Löschen (Entf)</translation>
    </message>
</context>
<context>
    <name>ConversationRepository</name>
    <message>
        <source>There is no conversation with id %1.</source>
        <translation>Es gibt keine Unterhaltung mit der ID %1.</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>%1 is a folder, not a database file.</source>
        <translation>%1 ist ein Ordner, keine Datenbankdatei.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>%1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>%1 is not a Lectern database: it is damaged or not an SQLite file. Lectern has not changed it. Restore it from a backup, or move it away to start a new database.</source>
        <translation>%1 ist keine Lectern-Datenbank: Sie ist beschädigt oder keine SQLite-Datei. Lectern hat sie nicht verändert. Stellen Sie sie aus einer Sicherung wieder her oder verschieben Sie sie, um eine neue Datenbank zu beginnen.</translation>
    </message>
    <message>
        <source>%1 is truncated (%2 bytes; its header says %3). Lectern has not changed it. Restore it from a backup, or move it away to start a new database.</source>
        <translation>%1 ist abgeschnitten (%2 Bytes; laut Kopf %3). Lectern hat sie nicht verändert. Stellen Sie sie aus einer Sicherung wieder her oder verschieben Sie sie, um eine neue Datenbank zu beginnen.</translation>
    </message>
    <message>
        <source>%1 is damaged (%2). Lectern has not changed it. Restore it from a backup, or move it away to start a new database.</source>
        <translation>%1 ist beschädigt (%2). Lectern hat sie nicht verändert. Stellen Sie sie aus einer Sicherung wieder her oder verschieben Sie sie, um eine neue Datenbank zu beginnen.</translation>
    </message>
    <message>
        <source>%1 failed its integrity check: %2</source>
        <translation>%1 hat die Integritätsprüfung nicht bestanden: %2</translation>
    </message>
    <message>
        <source>There is no database at %1. Check the path.</source>
        <translation>Unter %1 gibt es keine Datenbank. Prüfen Sie den Pfad.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the database. Check its permissions.</source>
        <translation>Der Ordner %1 für die Datenbank kann nicht angelegt werden. Prüfen Sie seine Berechtigungen.</translation>
    </message>
    <message>
        <source>%1 needs recovery from an interrupted write, which a read-only open cannot do. Open it once with Lectern, then try again.</source>
        <translation>%1 muss nach einem unterbrochenen Schreibvorgang wiederhergestellt werden, was beim Öffnen nur zum Lesen nicht möglich ist. Öffnen Sie sie einmal mit Lectern und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of Lectern (schema version %2; this version understands up to %3). Lectern has not changed it. Update Lectern to open it.</source>
        <translation>%1 wurde von einer neueren Lectern-Version geschrieben (Schemaversion %2; diese Version versteht bis %3). Lectern hat sie nicht verändert. Aktualisieren Sie Lectern, um sie zu öffnen.</translation>
    </message>
    <message>
        <source>%1 is an SQLite database, but not one of Lectern&apos;s. Lectern has not changed it. Choose another file.</source>
        <translation>%1 ist eine SQLite-Datenbank, aber keine von Lectern. Lectern hat sie nicht verändert. Wählen Sie eine andere Datei.</translation>
    </message>
    <message>
        <source>%1 uses schema version %2 and needs an upgrade to version %3, but it was opened read-only. Open it once with Lectern to upgrade it (a backup is made first).</source>
        <translation>%1 hat Schemaversion %2 und muss auf Version %3 aktualisiert werden, wurde aber nur zum Lesen geöffnet. Öffnen Sie sie einmal mit Lectern, um sie zu aktualisieren (vorher wird eine Sicherung angelegt).</translation>
    </message>
    <message>
        <source>%1 failed its integrity check (%2), so Lectern will not upgrade it and has not changed it. Restore it from a backup.</source>
        <translation>%1 hat die Integritätsprüfung nicht bestanden (%2); Lectern aktualisiert sie daher nicht und hat sie nicht verändert. Stellen Sie sie aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <source>%1 holds no Lectern data yet and was opened read-only.</source>
        <translation>%1 enthält noch keine Lectern-Daten und wurde nur zum Lesen geöffnet.</translation>
    </message>
    <message>
        <source>%1 cannot use write-ahead logging (journal mode stays &apos;%2&apos;); put the database on a local disk.</source>
        <translation>%1 kann kein Write-Ahead-Logging nutzen (Journalmodus bleibt »%2«); legen Sie die Datenbank auf ein lokales Laufwerk.</translation>
    </message>
    <message>
        <source>Could not back up %1 to %2 before upgrading it (%3). Nothing was changed; free some disk space and try again.</source>
        <translation>%1 konnte vor der Aktualisierung nicht nach %2 gesichert werden (%3). Nichts wurde verändert; schaffen Sie Speicherplatz und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1 was opened read-only; it cannot be written.</source>
        <translation>%1 wurde nur zum Lesen geöffnet und kann nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1 braucht einen Wert.</translation>
    </message>
    <message>
        <source>%1 needs a non-empty value.</source>
        <translation>%1 braucht einen nicht leeren Wert.</translation>
    </message>
    <message>
        <source>%1 takes positive numeric ids, not &apos;%2&apos;.</source>
        <translation>%1 erwartet positive numerische IDs, nicht »%2«.</translation>
    </message>
    <message>
        <source>%1 needs at least one id.</source>
        <translation>%1 braucht mindestens eine ID.</translation>
    </message>
    <message>
        <source>%1 takes no value.</source>
        <translation>%1 nimmt keinen Wert.</translation>
    </message>
    <message>
        <source>unknown argument &apos;%1&apos;.</source>
        <translation>Unbekanntes Argument »%1«.</translation>
    </message>
    <message>
        <source>--extractions cannot be combined with --conversation or --all.</source>
        <translation>--extractions kann nicht mit --conversation oder --all kombiniert werden.</translation>
    </message>
    <message>
        <source>--no-reasoning applies to conversations, not to --extractions.</source>
        <translation>--no-reasoning gilt für Unterhaltungen, nicht für --extractions.</translation>
    </message>
    <message>
        <source>--extractions needs --format csv or --format json.</source>
        <translation>--extractions braucht --format csv oder --format json.</translation>
    </message>
    <message>
        <source>extracted records export as csv or json, not &apos;%1&apos;.</source>
        <translation>Extrahierte Datensätze werden als csv oder json exportiert, nicht als »%1«.</translation>
    </message>
    <message>
        <source>--bom and --with-source apply to --format csv only.</source>
        <translation>--bom und --with-source gelten nur für --format csv.</translation>
    </message>
    <message>
        <source>--schema-id, --bom and --with-source apply to --extractions only.</source>
        <translation>--schema-id, --bom und --with-source gelten nur für --extractions.</translation>
    </message>
    <message>
        <source>choose the conversations: --conversation ID... or --all (not both).</source>
        <translation>Wählen Sie die Unterhaltungen: --conversation ID... oder --all (nicht beides).</translation>
    </message>
    <message>
        <source>conversations need --format markdown or --format json.</source>
        <translation>Unterhaltungen brauchen --format markdown oder --format json.</translation>
    </message>
    <message>
        <source>conversations export as markdown or json, not &apos;%1&apos;.</source>
        <translation>Unterhaltungen werden als markdown oder json exportiert, nicht als »%1«.</translation>
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
        <translation>Aufruf:
  lectern export [--db PFAD] (--conversation ID... | --all) --format markdown|json
                 [--no-reasoning] [--out DATEI]
  lectern export [--db PFAD] --extractions [--schema-id ID...] --format csv|json
                 [--bom] [--with-source] [--out DATEI]

Exportiert Unterhaltungen oder extrahierte Datensätze aus Lecterns Datenbank, ohne ein Fenster zu öffnen.
Die Datenbank wird nur gelesen, nie verändert.

  --db PFAD            die Datenbank (Standard: %1)
  --conversation ID... zu exportierende Unterhaltungen in dieser Reihenfolge (IDs auch durch Kommas getrennt)
  --all                alle Unterhaltungen, die älteste zuerst
  --no-reasoning       die Überlegungen des Modells weglassen
  --extractions        extrahierte Datensätze statt Unterhaltungen exportieren
  --schema-id ID...    nur Datensätze dieser Extraktionsschemas
  --bom                die CSV mit einer UTF-8-Bytereihenfolgemarke beginnen (für Tabellenprogramme)
  --with-source        die Spalten source.file und source.page zur CSV hinzufügen
  --out DATEI          nach DATEI schreiben (atomar ersetzt) statt auf die Standardausgabe
</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot write the export: %1</source>
        <translation>Der Export kann nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>ExtractCommand</name>
    <message>
        <source>--model is required.</source>
        <translation>--model ist erforderlich.</translation>
    </message>
    <message>
        <source>give either --schema FILE or --template NAME (%1).</source>
        <translation>Geben Sie entweder --schema DATEI oder --template NAME an (%1).</translation>
    </message>
    <message>
        <source>no files given.</source>
        <translation>Keine Dateien angegeben.</translation>
    </message>
    <message>
        <source>--out is required (a .csv or .json file).</source>
        <translation>--out ist erforderlich (eine .csv- oder .json-Datei).</translation>
    </message>
    <message>
        <source>--out must end in .csv or .json, not &apos;%1&apos;.</source>
        <translation>--out muss auf .csv oder .json enden, nicht »%1«.</translation>
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
        <translation>Aufruf:
  lectern extract --model MODELL (--schema SCHEMA.json | --template NAME) DATEI... --out ZEILEN.csv|ZEILEN.json
                  [--device auto|cpu|vulkan] [--db PFAD] [--max-tokens N] [--context N] [--think]

Extrahiert strukturierte Daten aus jeder Datei mit JSON-Schema-gebundener Dekodierung: Die Antwort des
Modells ist immer gültig und folgt dem Schema. Ein Schema mit einem Objekt auf oberster Ebene ergibt eine
Zeile pro Datei; ein Array von Objekten eine Zeile pro Eintrag (pro Seite bei PDFs). Die Zeilen werden mit
Quelldatei und Seite in der Datenbank gespeichert und nach --out geschrieben (CSV mit Quellspalten oder JSON).

  --model MODELL     eine .gguf-Datei oder ein HuggingFace-Modellordner
  --schema DATEI     ein JSON-Schema (Objekte, Arrays, Zeichenketten mit enum / maxLength / Formaten date,
                     date-time, email, Zahlen, Ganzzahlen, Wahrheitswerte, null, anyOf)
  --template NAME    ein eingebautes Schema: %1
  --out DATEI        wohin die Zeilen gehen; .csv oder .json
  --device GERÄT     auto (Vulkan, wenn verfügbar), cpu oder vulkan (Standard auto)
  --db PFAD          die Datenbank (Standard: %2)
  --max-tokens N     Tokens pro Antwort (Standard 1024); Werte werden rechtzeitig geschlossen
  --context N        Kontextlänge in Tokens (Standard 8192); lange Dokumente werden gekürzt
  --think            das Modell zuerst nachdenken lassen (bei der Extraktion standardmäßig aus)

Der Fortschritt geht auf die Standardfehlerausgabe. Exit-Status: 0, wenn jede Datei extrahiert wurde, 1, wenn
eine Datei oder das Modell scheiterte (die übrigen Zeilen werden trotzdem geschrieben), 2 bei einem
Aufruffehler oder einem unbrauchbaren Schema.
</translation>
    </message>
    <message>
        <source>there is no template &apos;%1&apos;; the templates are %2.</source>
        <translation>Es gibt keine Vorlage »%1«; die Vorlagen sind %2.</translation>
    </message>
    <message>
        <source>cannot read the schema %1: %2</source>
        <translation>Das Schema %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 ist keine Datei.</translation>
    </message>
    <message>
        <source>the model %1 does not exist. Give a .gguf file or a model folder with --model.</source>
        <translation>Das Modell %1 existiert nicht. Geben Sie mit --model eine .gguf-Datei oder einen Modellordner an.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n Datensatz</numerusform>
            <numerusform>%n Datensätze</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 rows from %2 files written to %3</source>
        <translation>%1 Zeilen aus %2 Dateien nach %3 geschrieben</translation>
    </message>
</context>
<context>
    <name>ExtractQueue</name>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In der Warteschlange</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Extraction queue</source>
        <translation>Extraktions-Warteschlange</translation>
    </message>
    <message>
        <source>Drop files here or use Add files.</source>
        <translation>Dateien hier ablegen oder »Dateien hinzufügen« verwenden.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2, %n record(s)</source>
        <translation>
            <numerusform>%1: %2, %n Datensatz</numerusform>
            <numerusform>%1: %2, %n Datensätze</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n record(s)</source>
        <translation>
            <numerusform>%1 · %n Datensatz</numerusform>
            <numerusform>%1 · %n Datensätze</numerusform>
        </translation>
    </message>
    <message>
        <source>Progress of %1</source>
        <translation>Fortschritt von %1</translation>
    </message>
</context>
<context>
    <name>ExtractResults</name>
    <message>
        <source>Sort by %1</source>
        <translation>Nach %1 sortieren</translation>
    </message>
    <message>
        <source>Extracted records</source>
        <translation>Extrahierte Datensätze</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>Extracted records appear here.</source>
        <translation>Extrahierte Datensätze erscheinen hier.</translation>
    </message>
</context>
<context>
    <name>ExtractView</name>
    <message>
        <source>Custom schema</source>
        <translation>Eigenes Schema</translation>
    </message>
    <message>
        <source>Add files to extract from</source>
        <translation>Dateien zum Extrahieren hinzufügen</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.txt *.md *.csv *.json *.html)</source>
        <translation>Dokumente (*.pdf *.txt *.md *.csv *.json *.html)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export records as CSV</source>
        <translation>Datensätze als CSV exportieren</translation>
    </message>
    <message>
        <source>Export records as JSON</source>
        <translation>Datensätze als JSON exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Extraction template</source>
        <translation>Extraktionsvorlage</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Dateien hinzufügen …</translation>
    </message>
    <message>
        <source>Loading model…</source>
        <translation>Modell wird geladen …</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Start extraction</source>
        <translation>Extraktion starten</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Pause after the current file</source>
        <translation>Nach der aktuellen Datei anhalten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the batch</source>
        <translation>Den Stapel abbrechen</translation>
    </message>
    <message>
        <source>Extraction needs the database, which could not be opened.</source>
        <translation>Die Extraktion braucht die Datenbank, die nicht geöffnet werden konnte.</translation>
    </message>
    <message>
        <source>Schema (JSON)</source>
        <translation>Schema (JSON)</translation>
    </message>
    <message>
        <source>A JSON Schema: an object with properties, or an array of them</source>
        <translation>Ein JSON-Schema: ein Objekt mit Eigenschaften oder ein Array davon</translation>
    </message>
    <message>
        <source>Extraction schema as JSON</source>
        <translation>Extraktionsschema als JSON</translation>
    </message>
    <message>
        <source>Schema OK</source>
        <translation>Schema in Ordnung</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Re-run row</source>
        <translation>Zeile erneut ausführen</translation>
    </message>
    <message>
        <source>Extract the selected row&apos;s file again</source>
        <translation>Die Datei der ausgewählten Zeile erneut extrahieren</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren …</translation>
    </message>
    <message>
        <source>Export the records as CSV</source>
        <translation>Die Datensätze als CSV exportieren</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>JSON exportieren …</translation>
    </message>
    <message>
        <source>Export the records as JSON</source>
        <translation>Die Datensätze als JSON exportieren</translation>
    </message>
</context>
<context>
    <name>ExtractionJobRepository</name>
    <message>
        <source>An extraction job needs a source file.</source>
        <translation>Ein Extraktionsauftrag braucht eine Quelldatei.</translation>
    </message>
    <message>
        <source>There is no extraction schema with id %1.</source>
        <translation>Es gibt kein Extraktionsschema mit der ID %1.</translation>
    </message>
    <message>
        <source>There is no extraction job with id %1.</source>
        <translation>Es gibt keinen Extraktionsauftrag mit der ID %1.</translation>
    </message>
    <message>
        <source>There is no finished extraction job with id %1.</source>
        <translation>Es gibt keinen abgeschlossenen Extraktionsauftrag mit der ID %1.</translation>
    </message>
</context>
<context>
    <name>ExtractionRepository</name>
    <message>
        <source>An extraction schema needs a name.</source>
        <translation>Ein Extraktionsschema braucht einen Namen.</translation>
    </message>
    <message>
        <source>The extraction schema &apos;%1&apos; is not valid JSON: %2.</source>
        <translation>Das Extraktionsschema »%1« ist kein gültiges JSON: %2.</translation>
    </message>
    <message>
        <source>There is no extraction schema with id %1.</source>
        <translation>Es gibt kein Extraktionsschema mit der ID %1.</translation>
    </message>
    <message>
        <source>Extraction schema %1 still has %2 records; delete or export them first.</source>
        <translation>Das Extraktionsschema %1 hat noch %2 Datensätze; löschen oder exportieren Sie diese zuerst.</translation>
    </message>
    <message>
        <source>The extracted record is not a valid JSON object: %1.</source>
        <translation>Der extrahierte Datensatz ist kein gültiges JSON-Objekt: %1.</translation>
    </message>
    <message>
        <source>Page numbers start at 1, not %1.</source>
        <translation>Seitenzahlen beginnen bei 1, nicht bei %1.</translation>
    </message>
    <message>
        <source>Cannot store the record: its schema %1, attachment or message does not exist (%2).</source>
        <translation>Der Datensatz kann nicht gespeichert werden: Sein Schema %1, sein Anhang oder seine Nachricht existiert nicht (%2).</translation>
    </message>
    <message>
        <source>There is no extracted record with id %1.</source>
        <translation>Es gibt keinen extrahierten Datensatz mit der ID %1.</translation>
    </message>
    <message>
        <source>The edited record %1 is not a JSON object: %2.</source>
        <translation>Der bearbeitete Datensatz %1 ist kein JSON-Objekt: %2.</translation>
    </message>
</context>
<context>
    <name>ExtractionTemplates</name>
    <message>
        <source>line %1, column %2</source>
        <translation>Zeile %1, Spalte %2</translation>
    </message>
    <message>
        <source>The schema is not valid JSON (%1 at %2).</source>
        <translation>Das Schema ist kein gültiges JSON (%1 bei %2).</translation>
    </message>
    <message>
        <source>The schema must be a JSON object such as {&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {...}}.</source>
        <translation>Das Schema muss ein JSON-Objekt sein, etwa {&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {...}}.</translation>
    </message>
    <message>
        <source>The schema cannot be used: %1.</source>
        <translation>Das Schema kann nicht verwendet werden: %1.</translation>
    </message>
    <message>
        <source>The top level of an extraction schema must be an object (one record per file) or an array of objects (one record per item); give &quot;type&quot;: &quot;object&quot; or &quot;type&quot;: &quot;array&quot; with object items.</source>
        <translation>Die oberste Ebene eines Extraktionsschemas muss ein Objekt (ein Datensatz pro Datei) oder ein Array von Objekten (ein Datensatz pro Eintrag) sein; geben Sie &quot;type&quot;: &quot;object&quot; oder &quot;type&quot;: &quot;array&quot; mit Objekt-Einträgen an.</translation>
    </message>
</context>
<context>
    <name>FileDropArea</name>
    <message>
        <source>Drop files to attach them</source>
        <translation>Dateien zum Anhängen hier ablegen</translation>
    </message>
</context>
<context>
    <name>ImageImporter</name>
    <message>
        <source>An image file has exactly one image.</source>
        <translation>Eine Bilddatei enthält genau ein Bild.</translation>
    </message>
    <message>
        <source>The image is damaged or not in a format Lectern can read.</source>
        <translation>Das Bild ist beschädigt oder in einem Format, das Lectern nicht lesen kann.</translation>
    </message>
    <message>
        <source>The image is damaged: its size cannot be read.</source>
        <translation>Das Bild ist beschädigt: Seine Größe kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The image claims to be %1 x %2 pixels, more than Lectern accepts (%3 megapixels, at most %4 pixels per side). It may be damaged or built to exhaust memory.</source>
        <translation>Das Bild gibt an, %1 × %2 Pixel groß zu sein, mehr als Lectern annimmt (%3 Megapixel, höchstens %4 Pixel pro Seite). Es ist möglicherweise beschädigt oder darauf angelegt, den Speicher zu erschöpfen.</translation>
    </message>
    <message>
        <source>The %1 image is %2 x %3 pixels; this kind of %1 file cannot be decoded at reduced size and the full image would need %4 MiB of memory (the limit is %5 MiB). Convert it to JPEG or 8-bit RGB PNG, or make it smaller.</source>
        <translation>Das %1-Bild hat %2 × %3 Pixel; diese Art von %1-Datei kann nicht verkleinert dekodiert werden, und das volle Bild bräuchte %4 MiB Speicher (die Grenze ist %5 MiB). Wandeln Sie es in JPEG oder 8-Bit-RGB-PNG um oder verkleinern Sie es.</translation>
    </message>
    <message>
        <source>The image file could not be read: %1</source>
        <translation>Die Bilddatei konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>This kind of image is not supported. Use PNG, JPEG, WebP, GIF, BMP or TIFF.</source>
        <translation>Diese Bildart wird nicht unterstützt. Verwenden Sie PNG, JPEG, WebP, GIF, BMP oder TIFF.</translation>
    </message>
    <message>
        <source>The image is damaged or incomplete and could not be decoded (%1).</source>
        <translation>Das Bild ist beschädigt oder unvollständig und konnte nicht dekodiert werden (%1).</translation>
    </message>
    <message>
        <source>Decoding image</source>
        <translation>Bild wird dekodiert</translation>
    </message>
    <message>
        <source>The image has %1 frames; only the first is used.</source>
        <translation>Das Bild hat %1 Einzelbilder; nur das erste wird verwendet.</translation>
    </message>
    <message>
        <source>The image is %1 x %2 pixels; it was decoded at %3 x %4 to save memory.</source>
        <translation>Das Bild hat %1 × %2 Pixel; es wurde mit %3 × %4 dekodiert, um Speicher zu sparen.</translation>
    </message>
    <message>
        <source>Image decoded</source>
        <translation>Bild dekodiert</translation>
    </message>
</context>
<context>
    <name>ImageInputs</name>
    <message>
        <source>%1 cannot be read as a picture: %2</source>
        <translation>%1 kann nicht als Bild gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 holds %2 content, not a picture; send a PNG, JPEG, WebP, GIF, BMP or TIFF image.</source>
        <translation>%1 enthält %2-Inhalt, kein Bild; senden Sie ein PNG-, JPEG-, WebP-, GIF-, BMP- oder TIFF-Bild.</translation>
    </message>
    <message>
        <source>%1 cannot be sent to the model: %2</source>
        <translation>%1 kann nicht an das Modell gesendet werden: %2</translation>
    </message>
    <message>
        <source>it has no decodable picture</source>
        <translation>es enthält kein lesbares Bild</translation>
    </message>
    <message>
        <source>Remote image URLs are not fetched; send the picture as a data: URL or a local path.</source>
        <translation>Entfernte Bild-URLs werden nicht abgerufen; senden Sie das Bild als data:-URL oder lokalen Pfad.</translation>
    </message>
    <message>
        <source>%1 is not a valid file: URL; write it as file:///absolute/path.png.</source>
        <translation>%1 ist keine gültige file:-URL; schreiben Sie sie als file:///absoluter/pfad.png.</translation>
    </message>
    <message>
        <source>The image URL must be a data: URL (data:image/png;base64,...), a file:// URL or an absolute local path; got &quot;%1&quot;.</source>
        <translation>Die Bild-URL muss eine data:-URL (data:image/png;base64,...), eine file://-URL oder ein absoluter lokaler Pfad sein; erhalten wurde &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>This server does not read local files (it was started with --no-file-paths); send the picture as a data: URL.</source>
        <translation>Dieser Server liest keine lokalen Dateien (er wurde mit --no-file-paths gestartet); senden Sie das Bild als data:-URL.</translation>
    </message>
    <message>
        <source>The data: URL is malformed: it needs a comma before the data, as in data:image/png;base64,iVBORw0....</source>
        <translation>Die data:-URL ist fehlerhaft: Vor den Daten muss ein Komma stehen, wie in data:image/png;base64,iVBORw0....</translation>
    </message>
    <message>
        <source>The base64 data of the data: URL is malformed (only A-Z, a-z, 0-9, +, / and = padding are allowed).</source>
        <translation>Die Base64-Daten der data:-URL sind fehlerhaft (erlaubt sind nur A-Z, a-z, 0-9, +, / und =-Auffüllung).</translation>
    </message>
    <message>
        <source>The data: URL holds no data.</source>
        <translation>Die data:-URL enthält keine Daten.</translation>
    </message>
    <message>
        <source>The picture could not be stored in a temporary file: %1</source>
        <translation>Das Bild konnte nicht in einer temporären Datei gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The data: URL</source>
        <translation>Die data:-URL</translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <source>PDF files</source>
        <translation>PDF-Dateien</translation>
    </message>
    <message>
        <source>images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>videos</source>
        <translation>Videos</translation>
    </message>
    <message>
        <source>text files</source>
        <translation>Textdateien</translation>
    </message>
    <message>
        <source>files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation>ein PDF-Dokument</translation>
    </message>
    <message>
        <source>a %1 image</source>
        <translation>ein %1-Bild</translation>
    </message>
    <message>
        <source>a video</source>
        <translation>ein Video</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>something else</source>
        <translation>etwas anderes</translation>
    </message>
    <message>
        <source>The import was cancelled.</source>
        <translation>Der Import wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The import took longer than %1 seconds and was stopped. The file may be damaged or too large; try a page range or a shorter clip.</source>
        <translation>Der Import dauerte länger als %1 Sekunden und wurde angehalten. Die Datei ist möglicherweise beschädigt oder zu groß; versuchen Sie einen Seitenbereich oder einen kürzeren Ausschnitt.</translation>
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>Die Datei %1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 is a folder or a device, not a file.</source>
        <translation>%1 ist ein Ordner oder ein Gerät, keine Datei.</translation>
    </message>
    <message>
        <source>The file is empty (0 bytes).</source>
        <translation>Die Datei ist leer (0 Bytes).</translation>
    </message>
    <message>
        <source>The file is %1; Lectern imports files up to %2.</source>
        <translation>Die Datei ist %1 groß; Lectern importiert Dateien bis %2.</translation>
    </message>
    <message>
        <source>The file could not be opened: %1</source>
        <translation>Die Datei konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>Die Datei konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>This is an audio file (%1); Lectern imports PDFs, images, videos and text.</source>
        <translation>Dies ist eine Audiodatei (%1); Lectern importiert PDFs, Bilder, Videos und Text.</translation>
    </message>
    <message>
        <source>This file type is not supported (%1). Lectern imports PDFs, images (PNG, JPEG, WebP, GIF, BMP, TIFF), videos and text files.</source>
        <translation>Dieser Dateityp wird nicht unterstützt (%1). Lectern importiert PDFs, Bilder (PNG, JPEG, WebP, GIF, BMP, TIFF), Videos und Textdateien.</translation>
    </message>
    <message>
        <source>The file is %1; Lectern imports %2 up to %3.</source>
        <translation>Die Datei ist %1 groß; Lectern importiert %2 bis %3.</translation>
    </message>
    <message>
        <source>The file name ends in .%1 but the file contains %2; it was imported as such.</source>
        <translation>Der Dateiname endet auf .%1, aber die Datei enthält %2; sie wurde als solche importiert.</translation>
    </message>
    <message>
        <source>Checking file</source>
        <translation>Datei wird geprüft</translation>
    </message>
    <message>
        <source>Found in cache</source>
        <translation>Im Cache gefunden</translation>
    </message>
    <message>
        <source>Page %1 is too narrow for the vision model (aspect ratio above 200:1); it is left out.</source>
        <translation>Seite %1 ist für das Bildmodell zu schmal (Seitenverhältnis über 200:1); sie wird ausgelassen.</translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>Seite %1</translation>
    </message>
    <message>
        <source>image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>The video&apos;s frames are too narrow for the vision model (aspect ratio above 200:1).</source>
        <translation>Die Einzelbilder des Videos sind für das Bildmodell zu schmal (Seitenverhältnis über 200:1).</translation>
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
        <translation>Aufruf: lectern inspect [OPTIONEN] DATEI...
Importiert jede Datei, ohne ein Fenster zu öffnen, und gibt die Ergebnisse als JSON aus.

Optionen:
  --pages=BEREICH    zu importierende PDF-Seiten, z. B. 1-5,8,10-
  --password=TEXT    Passwort für geschützte PDFs
  --dpi=N            Auflösung der PDF-Seitenbilder (Standard 120)
  --fps=N            pro Sekunde ausgewählte Videobilder (Standard 2)
  --max-frames=N     Budget an Videobildern (Standard 768)
  --text             den vollständigen Text jeder Seite ausgeben

Exit-Status: 0, wenn jede Datei importiert wurde, 1, wenn eine fehlschlug, 2 bei einem Aufruffehler.
</translation>
    </message>
    <message>
        <source>lectern inspect: unknown option %1</source>
        <translation>lectern inspect: unbekannte Option %1</translation>
    </message>
    <message>
        <source>lectern inspect: invalid value in %1</source>
        <translation>lectern inspect: ungültiger Wert in %1</translation>
    </message>
    <message>
        <source>lectern inspect: no files given</source>
        <translation>lectern inspect: keine Dateien angegeben</translation>
    </message>
</context>
<context>
    <name>MarkdownExport</name>
    <message>
        <source>1 page</source>
        <translation>1 Seite</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 Seiten</translation>
    </message>
    <message>
        <source>1 frame</source>
        <translation>1 Einzelbild</translation>
    </message>
    <message>
        <source>%1 frames</source>
        <translation>%1 Einzelbilder</translation>
    </message>
    <message>
        <source>Attached: %1 (%2)</source>
        <translation>Angehängt: %1 (%2)</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>The answer was interrupted.</source>
        <translation>Die Antwort wurde unterbrochen.</translation>
    </message>
    <message>
        <source>The answer was cut off at the length limit.</source>
        <translation>Die Antwort wurde an der Längengrenze abgeschnitten.</translation>
    </message>
    <message>
        <source>The answer was stopped.</source>
        <translation>Die Antwort wurde angehalten.</translation>
    </message>
    <message>
        <source>The answer failed.</source>
        <translation>Die Antwort ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Untitled conversation</source>
        <translation>Unbenannte Unterhaltung</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <source>Thinking: %1</source>
        <translation>Nachdenken: %1</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>Erstellt: %1</translation>
    </message>
    <message>
        <source>Reasoning (%1 s)</source>
        <translation>Überlegungen (%1 s)</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>Überlegungen</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Lectern</source>
        <translation>Lectern</translation>
    </message>
    <message>
        <source>Generating the answer</source>
        <translation>Die Antwort wird erzeugt</translation>
    </message>
    <message>
        <source>Edit the question</source>
        <translation>Die Frage bearbeiten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>Bearbeiten abbrechen</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send the edited question</source>
        <translation>Die bearbeitete Frage senden</translation>
    </message>
    <message numerus="yes">
        <source>%n tokens · %1 tokens/s</source>
        <translation>
            <numerusform>%n Token · %1 Tokens/s</numerusform>
            <numerusform>%n Tokens · %1 Tokens/s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation>
            <numerusform>%n Token</numerusform>
            <numerusform>%n Tokens</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Cut off at the length limit</source>
        <translation>An der Längengrenze abgeschnitten</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the question</source>
        <translation>Die Frage kopieren</translation>
    </message>
    <message>
        <source>Copy the answer</source>
        <translation>Die Antwort kopieren</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Edit and resend the question</source>
        <translation>Die Frage bearbeiten und erneut senden</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Neu erzeugen</translation>
    </message>
    <message>
        <source>Regenerate the answer</source>
        <translation>Die Antwort neu erzeugen</translation>
    </message>
    <message numerus="yes">
        <source>Waiting for %n API request(s)…</source>
        <translation>
            <numerusform>Wartet auf %n API-Anfrage …</numerusform>
            <numerusform>Wartet auf %n API-Anfragen …</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageRepository</name>
    <message>
        <source>There is no conversation with id %1 to add a message to.</source>
        <translation>Es gibt keine Unterhaltung mit der ID %1, zu der eine Nachricht hinzugefügt werden kann.</translation>
    </message>
    <message>
        <source>There is no message with id %1.</source>
        <translation>Es gibt keine Nachricht mit der ID %1.</translation>
    </message>
</context>
<context>
    <name>ModelSetupDialog</name>
    <message>
        <source>Open a GGUF model file</source>
        <translation>GGUF-Modelldatei öffnen</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF-Modelle (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open a HuggingFace model folder</source>
        <translation>HuggingFace-Modellordner öffnen</translation>
    </message>
    <message>
        <source>Choose a model</source>
        <translation>Ein Modell wählen</translation>
    </message>
    <message>
        <source>Lectern answers with a Qwen3.5 model that runs on this computer.</source>
        <translation>Lectern antwortet mit einem Qwen3.5-Modell, das auf diesem Computer läuft.</translation>
    </message>
    <message>
        <source>Open GGUF file…</source>
        <translation>GGUF-Datei öffnen …</translation>
    </message>
    <message>
        <source>Open HuggingFace folder…</source>
        <translation>HuggingFace-Ordner öffnen …</translation>
    </message>
    <message>
        <source>Found on this computer</source>
        <translation>Auf diesem Computer gefunden</translation>
    </message>
    <message>
        <source>No Qwen3.5 models in Ollama&apos;s store or the HuggingFace cache.</source>
        <translation>Keine Qwen3.5-Modelle im Ollama-Speicher oder im HuggingFace-Cache.</translation>
    </message>
    <message>
        <source>Looking for models</source>
        <translation>Modelle werden gesucht</translation>
    </message>
    <message>
        <source>Models found on this computer</source>
        <translation>Auf diesem Computer gefundene Modelle</translation>
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
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>Download address</source>
        <translation>Download-Adresse</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Download Qwen3.5-0.8B</source>
        <translation>Qwen3.5-0.8B herunterladen</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Download-Fortschritt</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>Close the model setup</source>
        <translation>Die Modelleinrichtung schließen</translation>
    </message>
</context>
<context>
    <name>OpenAiProtocol</name>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>Invalid &apos;messages&apos;: empty array. Send at least one message.</source>
        <translation>Ungültiges „messages“: leeres Array. Senden Sie mindestens eine Nachricht.</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>Messages with role &apos;function&apos; are deprecated and not supported; use &apos;tool&apos; messages.</source>
        <translation>Nachrichten mit der Rolle „function“ sind veraltet und werden nicht unterstützt; verwenden Sie „tool“-Nachrichten.</translation>
    </message>
    <message>
        <source>Invalid value for &apos;%1.role&apos;: &apos;%2&apos;. Supported values are &apos;system&apos;, &apos;developer&apos;, &apos;user&apos;, &apos;assistant&apos; and &apos;tool&apos;.</source>
        <translation>Ungültiger Wert für „%1.role“: „%2“. Unterstützt werden „system“, „developer“, „user“, „assistant“ und „tool“.</translation>
    </message>
    <message>
        <source>Invalid &apos;%1.type&apos;: only &quot;function&quot; tool calls are supported.</source>
        <translation>Ungültiges „%1.type“: Nur &quot;function&quot;-Werkzeugaufrufe werden unterstützt.</translation>
    </message>
    <message>
        <source>Invalid &apos;%1.function.name&apos;: expected a non-empty string.</source>
        <translation>Ungültiges „%1.function.name“: erwartet wurde eine nicht leere Zeichenkette.</translation>
    </message>
    <message>
        <source>a string holding a JSON object</source>
        <translation>eine Zeichenkette mit einem JSON-Objekt</translation>
    </message>
    <message>
        <source>Invalid &apos;%1&apos;: the arguments must be the JSON text of an object, as in &quot;{\&quot;city\&quot;: \&quot;Paris\&quot;}&quot;.</source>
        <translation>Ungültiges „%1“: Die Argumente müssen der JSON-Text eines Objekts sein, wie in &quot;{\&quot;city\&quot;: \&quot;Paris\&quot;}&quot;.</translation>
    </message>
    <message>
        <source>a string or an array of content parts</source>
        <translation>eine Zeichenkette oder ein Array von Inhaltsteilen</translation>
    </message>
    <message>
        <source>Content parts of type &apos;%1&apos; are not supported; Lectern reads &apos;text&apos; and &apos;image_url&apos; parts.</source>
        <translation>Inhaltsteile vom Typ „%1“ werden nicht unterstützt; Lectern liest „text“- und „image_url“-Teile.</translation>
    </message>
    <message>
        <source>Pictures can only be sent in user messages.</source>
        <translation>Bilder können nur in Benutzernachrichten gesendet werden.</translation>
    </message>
    <message>
        <source>The loaded model %1 cannot see images; load a model with a vision encoder (mmproj).</source>
        <translation>Das geladene Modell %1 kann keine Bilder sehen; laden Sie ein Modell mit Bild-Encoder (mmproj).</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>above %1 and at most %2</source>
        <translation>über %1 und höchstens %2</translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation>von %1 bis %2</translation>
    </message>
    <message>
        <source>Invalid &apos;%1&apos;: expected a value %2, but got %3 instead.</source>
        <translation>Ungültiges „%1“: erwartet wurde ein Wert %2, erhalten wurde %3.</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>The model &apos;%1&apos; does not exist: this server has the model &apos;%2&apos; loaded. Send &quot;model&quot;: &quot;%2&quot; or leave it out.</source>
        <translation>Das Modell „%1“ gibt es nicht: Dieser Server hat das Modell „%2“ geladen. Senden Sie &quot;model&quot;: &quot;%2&quot; oder lassen Sie es weg.</translation>
    </message>
    <message>
        <source>Only one choice per request is supported (&apos;n&apos; must be 1); send several requests instead.</source>
        <translation>Pro Anfrage wird nur eine Auswahl unterstützt („n“ muss 1 sein); senden Sie stattdessen mehrere Anfragen.</translation>
    </message>
    <message>
        <source>Stop sequences are not supported; leave out &apos;stop&apos; and cut the answer yourself.</source>
        <translation>Stoppsequenzen werden nicht unterstützt; lassen Sie „stop“ weg und kürzen Sie die Antwort selbst.</translation>
    </message>
    <message>
        <source>Log probabilities are not supported; leave out &apos;logprobs&apos;.</source>
        <translation>Log-Wahrscheinlichkeiten werden nicht unterstützt; lassen Sie „logprobs“ weg.</translation>
    </message>
    <message>
        <source>Log probabilities are not supported; leave out &apos;top_logprobs&apos;.</source>
        <translation>Log-Wahrscheinlichkeiten werden nicht unterstützt; lassen Sie „top_logprobs“ weg.</translation>
    </message>
    <message>
        <source>&apos;logit_bias&apos; is not supported; leave it out.</source>
        <translation>„logit_bias“ wird nicht unterstützt; lassen Sie es weg.</translation>
    </message>
    <message>
        <source>&apos;frequency_penalty&apos; is not supported; use &apos;presence_penalty&apos; or &apos;repetition_penalty&apos; instead.</source>
        <translation>„frequency_penalty“ wird nicht unterstützt; verwenden Sie stattdessen „presence_penalty“ oder „repetition_penalty“.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is deprecated and not supported; use &apos;tools&apos; instead.</source>
        <translation>„%1“ ist veraltet und wird nicht unterstützt; verwenden Sie stattdessen „tools“.</translation>
    </message>
    <message>
        <source>Audio output is not supported; leave out &apos;audio&apos;.</source>
        <translation>Audioausgabe wird nicht unterstützt; lassen Sie „audio“ weg.</translation>
    </message>
    <message>
        <source>Only text output is supported (&apos;modalities&apos;: [&quot;text&quot;]).</source>
        <translation>Nur Textausgabe wird unterstützt („modalities“: [&quot;text&quot;]).</translation>
    </message>
    <message>
        <source>&apos;stream_options&apos; is only allowed when &apos;stream&apos; is true.</source>
        <translation>„stream_options“ ist nur erlaubt, wenn „stream“ true ist.</translation>
    </message>
    <message>
        <source>&apos;enable_thinking&apos; and &apos;chat_template_kwargs.enable_thinking&apos; disagree; send one of them.</source>
        <translation>„enable_thinking“ und „chat_template_kwargs.enable_thinking“ widersprechen sich; senden Sie nur eines davon.</translation>
    </message>
    <message>
        <source>Invalid &apos;top_k&apos;: expected -1 or 0 (off) or a positive integer, but got %1.</source>
        <translation>Ungültiges „top_k“: erwartet wurde -1 oder 0 (aus) oder eine positive ganze Zahl, erhalten wurde %1.</translation>
    </message>
    <message>
        <source>Invalid &apos;seed&apos;: expected a non-negative integer, but got %1.</source>
        <translation>Ungültiges „seed“: erwartet wurde eine nicht negative ganze Zahl, erhalten wurde %1.</translation>
    </message>
    <message>
        <source>Invalid &apos;%1&apos;: expected a positive integer, but got %2.</source>
        <translation>Ungültiges „%1“: erwartet wurde eine positive ganze Zahl, erhalten wurde %2.</translation>
    </message>
    <message>
        <source>response_format {&quot;type&quot;: &quot;json_object&quot;} is not supported: Lectern&apos;s constrained decoding writes only the properties a schema names. Send {&quot;type&quot;: &quot;json_schema&quot;, &quot;json_schema&quot;: {&quot;name&quot;: ..., &quot;schema&quot;: {&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {...}}}} instead.</source>
        <translation>response_format {&quot;type&quot;: &quot;json_object&quot;} wird nicht unterstützt: Lecterns eingeschränkte Dekodierung schreibt nur die Eigenschaften, die ein Schema nennt. Senden Sie stattdessen {&quot;type&quot;: &quot;json_schema&quot;, &quot;json_schema&quot;: {&quot;name&quot;: ..., &quot;schema&quot;: {&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {...}}}}.</translation>
    </message>
    <message>
        <source>Invalid value for &apos;response_format.type&apos;: &apos;%1&apos;. Supported values are &apos;text&apos; and &apos;json_schema&apos;.</source>
        <translation>Ungültiger Wert für „response_format.type“: „%1“. Unterstützt werden „text“ und „json_schema“.</translation>
    </message>
    <message>
        <source>The JSON schema cannot be used for constrained decoding: %1</source>
        <translation>Das JSON-Schema kann nicht für die eingeschränkte Dekodierung verwendet werden: %1</translation>
    </message>
    <message>
        <source>A &apos;tool_choice&apos; that names or forces a function is not supported; use &quot;auto&quot; or &quot;none&quot;.</source>
        <translation>Ein „tool_choice“, das eine Funktion nennt oder erzwingt, wird nicht unterstützt; verwenden Sie &quot;auto&quot; oder &quot;none&quot;.</translation>
    </message>
    <message>
        <source>tool_choice &quot;required&quot; is not supported; use &quot;auto&quot; or &quot;none&quot;.</source>
        <translation>tool_choice &quot;required&quot; wird nicht unterstützt; verwenden Sie &quot;auto&quot; oder &quot;none&quot;.</translation>
    </message>
    <message>
        <source>Invalid value for &apos;tool_choice&apos;: &apos;%1&apos;. Supported values are &apos;auto&apos; and &apos;none&apos;.</source>
        <translation>Ungültiger Wert für „tool_choice“: „%1“. Unterstützt werden „auto“ und „none“.</translation>
    </message>
    <message>
        <source>Invalid &apos;%1.type&apos;: only &quot;function&quot; tools are supported.</source>
        <translation>Ungültiges „%1.type“: Nur &quot;function&quot;-Werkzeuge werden unterstützt.</translation>
    </message>
    <message>
        <source>The conversation cannot be written in the model&apos;s chat template: %1</source>
        <translation>Die Unterhaltung lässt sich nicht in der Chatvorlage des Modells schreiben: %1</translation>
    </message>
    <message>
        <source>The JSON body is nested more than %1 levels deep; send a flatter request.</source>
        <translation>Der JSON-Inhalt ist mehr als %1 Ebenen tief verschachtelt; senden Sie eine flachere Anfrage.</translation>
    </message>
    <message>
        <source>We could not parse the JSON body of your request: %1. Send a JSON object in UTF-8.</source>
        <translation>Der JSON-Inhalt Ihrer Anfrage konnte nicht gelesen werden: %1. Senden Sie ein JSON-Objekt in UTF-8.</translation>
    </message>
    <message>
        <source>We could not parse the JSON body of your request: %1</source>
        <translation>Der JSON-Inhalt Ihrer Anfrage konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The request body must be a JSON object, but it is %1.</source>
        <translation>Der Anfrageinhalt muss ein JSON-Objekt sein, ist aber %1.</translation>
    </message>
    <message>
        <source>The request could not be read: %1</source>
        <translation>Die Anfrage konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>an unknown value</source>
        <translation>ein unbekannter Wert</translation>
    </message>
    <message>
        <source>Invalid type for &apos;%1&apos;: expected %2, but got %3 instead.</source>
        <translation>Ungültiger Typ für „%1“: erwartet wurde %2, erhalten wurde %3.</translation>
    </message>
    <message>
        <source>Missing required parameter: &apos;%1&apos;.</source>
        <translation>Erforderlicher Parameter fehlt: „%1“.</translation>
    </message>
</context>
<context>
    <name>PageRange</name>
    <message>
        <source>The page range &quot;%1&quot; is not valid: &quot;%2&quot; is not a page number. Use numbers and ranges such as 1-5, 8, 10-.</source>
        <translation>Der Seitenbereich »%1« ist ungültig: »%2« ist keine Seitenzahl. Verwenden Sie Zahlen und Bereiche wie 1-5, 8, 10-.</translation>
    </message>
    <message>
        <source>The page range &quot;%1&quot; is not valid: &quot;%2&quot; is not a range. Use numbers and ranges such as 1-5, 8, 10-.</source>
        <translation>Der Seitenbereich »%1« ist ungültig: »%2« ist kein Bereich. Verwenden Sie Zahlen und Bereiche wie 1-5, 8, 10-.</translation>
    </message>
    <message>
        <source>The page range &quot;%1&quot; is not valid: %2 runs backwards.</source>
        <translation>Der Seitenbereich »%1« ist ungültig: %2 läuft rückwärts.</translation>
    </message>
    <message numerus="yes">
        <source>The page range &quot;%1&quot; asks for page %2, but the document has only %n page(s).</source>
        <translation>
            <numerusform>Der Seitenbereich »%1« verlangt Seite %2, aber das Dokument hat nur %n Seite.</numerusform>
            <numerusform>Der Seitenbereich »%1« verlangt Seite %2, aber das Dokument hat nur %n Seiten.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfImporter</name>
    <message>
        <source>There is no page image %1 in this document.</source>
        <translation>In diesem Dokument gibt es kein Seitenbild %1.</translation>
    </message>
    <message>
        <source>The PDF %1 could not be opened again to render a page; it may have been moved or changed.</source>
        <translation>Das PDF %1 konnte zum Rendern einer Seite nicht erneut geöffnet werden; es wurde möglicherweise verschoben oder geändert.</translation>
    </message>
    <message>
        <source>Page %1 of the PDF could not be read.</source>
        <translation>Seite %1 des PDFs konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Page %1 of the PDF could not be rendered.</source>
        <translation>Seite %1 des PDFs konnte nicht gerendert werden.</translation>
    </message>
    <message>
        <source>Opening PDF</source>
        <translation>PDF wird geöffnet</translation>
    </message>
    <message>
        <source>The PDF is damaged or incomplete and could not be opened. If it was downloaded, try downloading it again.</source>
        <translation>Das PDF ist beschädigt oder unvollständig und konnte nicht geöffnet werden. Wenn es heruntergeladen wurde, laden Sie es erneut herunter.</translation>
    </message>
    <message>
        <source>This PDF is protected by a password. Enter the password to import it.</source>
        <translation>Dieses PDF ist durch ein Passwort geschützt. Geben Sie das Passwort ein, um es zu importieren.</translation>
    </message>
    <message>
        <source>The password is not correct for this PDF. Check it and try again.</source>
        <translation>Das Passwort für dieses PDF ist nicht richtig. Prüfen Sie es und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The PDF has no pages.</source>
        <translation>Das PDF hat keine Seiten.</translation>
    </message>
    <message>
        <source>Only %1 of the %2 selected pages were imported (pages %3 to %4). Choose a page range to import the others.</source>
        <translation>Nur %1 der %2 ausgewählten Seiten wurden importiert (Seiten %3 bis %4). Wählen Sie einen Seitenbereich, um die anderen zu importieren.</translation>
    </message>
    <message>
        <source>Reading page %1 of %2</source>
        <translation>Seite %1 von %2 wird gelesen</translation>
    </message>
    <message>
        <source>None of the PDF&apos;s pages could be read; the file is damaged.</source>
        <translation>Keine Seite des PDFs konnte gelesen werden; die Datei ist beschädigt.</translation>
    </message>
    <message>
        <source>Some pages could not be read and were skipped: %1.</source>
        <translation>Einige Seiten konnten nicht gelesen werden und wurden übersprungen: %1.</translation>
    </message>
    <message>
        <source>Pages without usable text are sent as images: %1.</source>
        <translation>Seiten ohne brauchbaren Text werden als Bilder gesendet: %1.</translation>
    </message>
    <message>
        <source>The PDF has no usable text layer (it may be scanned); all pages are sent as images.</source>
        <translation>Das PDF hat keine brauchbare Textebene (es ist möglicherweise gescannt); alle Seiten werden als Bilder gesendet.</translation>
    </message>
    <message>
        <source>PDF read</source>
        <translation>PDF gelesen</translation>
    </message>
</context>
<context>
    <name>PromptBuilder</name>
    <message>
        <source>%1 is an image. The loaded model cannot see images (it has no vision encoder: load its mmproj file): the file is kept with the conversation, but the answer does not use it.</source>
        <translation>%1 ist ein Bild. Das geladene Modell kann keine Bilder sehen (ihm fehlt ein Bild-Encoder: laden Sie seine mmproj-Datei): Die Datei bleibt bei der Unterhaltung, aber die Antwort verwendet sie nicht.</translation>
    </message>
    <message>
        <source>%1 is a video. The loaded model cannot see videos (it has no vision encoder: load its mmproj file): the file is kept with the conversation, but the answer does not use it.</source>
        <translation>%1 ist ein Video. Das geladene Modell kann keine Videos sehen (ihm fehlt ein Bild-Encoder: laden Sie seine mmproj-Datei): Die Datei bleibt bei der Unterhaltung, aber die Antwort verwendet sie nicht.</translation>
    </message>
    <message>
        <source>%1 has no text the model can read, and the loaded model cannot see page images (it has no vision encoder); the answer does not use it.</source>
        <translation>%1 hat keinen Text, den das Modell lesen kann, und das geladene Modell kann keine Seitenbilder sehen (ihm fehlt ein Bild-Encoder); die Antwort verwendet es nicht.</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) of %1 have no text layer and are left out: the loaded model cannot see page images (it has no vision encoder).</source>
        <translation>
            <numerusform>%n Seite von %1 hat keine Textebene und wird ausgelassen: Das geladene Modell kann keine Seitenbilder sehen (ihm fehlt ein Bild-Encoder).</numerusform>
            <numerusform>%n Seiten von %1 haben keine Textebene und werden ausgelassen: Das geladene Modell kann keine Seitenbilder sehen (ihm fehlt ein Bild-Encoder).</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no decodable pictures; the answer does not use it.</source>
        <translation>%1 hat keine dekodierbaren Bilder; die Antwort verwendet es nicht.</translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>Seite %1</translation>
    </message>
    <message>
        <source>image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>The %1 of %2 cannot be sent to the model (%3); the answer does not use it.</source>
        <translation>%1 von %2 kann nicht an das Modell gesendet werden (%3); die Antwort verwendet es nicht.</translation>
    </message>
    <message>
        <source>its aspect ratio is above 200:1</source>
        <translation>sein Seitenverhältnis liegt über 200:1</translation>
    </message>
    <message>
        <source>Frame %1 of %2 cannot be decoded (%3); it is left out.</source>
        <translation>Einzelbild %1 von %2 kann nicht dekodiert werden (%3); es wird ausgelassen.</translation>
    </message>
    <message>
        <source>The frames of %1 cannot be sent to the model (aspect ratio above 200:1); the answer does not use them.</source>
        <translation>Die Einzelbilder von %1 können nicht an das Modell gesendet werden (Seitenverhältnis über 200:1); die Antwort verwendet sie nicht.</translation>
    </message>
    <message>
        <source>video</source>
        <translation>Video</translation>
    </message>
</context>
<context>
    <name>ReasoningBlock</name>
    <message numerus="yes">
        <source>Thought for %n s</source>
        <translation>
            <numerusform>%n s nachgedacht</numerusform>
            <numerusform>%n s nachgedacht</numerusform>
        </translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>Denkt nach …</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>Überlegungen</translation>
    </message>
    <message>
        <source>Hide the reasoning</source>
        <translation>Die Überlegungen ausblenden</translation>
    </message>
    <message>
        <source>Show the reasoning</source>
        <translation>Die Überlegungen anzeigen</translation>
    </message>
</context>
<context>
    <name>SamplingPanel</name>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
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
        <translation>Präsenzstrafe</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>Max. Tokens</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Advanced sampling</source>
        <translation>Erweitertes Sampling</translation>
    </message>
    <message>
        <source>Empty fields follow the model card (thinking or not, text or images).</source>
        <translation>Leere Felder folgen der Modellkarte (mit oder ohne Nachdenken, Text oder Bilder).</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Use the model card&apos;s values</source>
        <translation>Die Werte der Modellkarte verwenden</translation>
    </message>
</context>
<context>
    <name>ServeCommand</name>
    <message>
        <source>&apos;%1&apos; is not an option; serve takes only options.</source>
        <translation>„%1“ ist keine Option; serve nimmt nur Optionen.</translation>
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
        <translation>Aufruf:
  lectern serve [--model MODELL] [--mmproj DATEI] [--device auto|cpu|vulkan] [--context N]
                [--host 127.0.0.1] [--port 8080] [--api-key SCHLÜSSEL] [--max-body-mb N] [--max-queue N]
                [--no-file-paths]

Stellt das Modell über eine lokale OpenAI-kompatible API bereit, ohne ein Fenster zu öffnen:
GET /health, GET /v1/models und POST /v1/chat/completions (Streaming mit Server-Sent Events,
Bilder als data:-URLs oder Dateipfade, Denken mit &quot;enable_thinking&quot;, JSON-Schemas in
&quot;response_format&quot;, Werkzeugaufrufe). Anfragen beantwortet das eine Modell nacheinander.
Nichts wird in Lecterns Unterhaltungen gespeichert.

Sobald der Server läuft, schreibt er &quot;Lectern API server listening on http://HOST:PORT (model NAME)&quot;
auf die Standardausgabe; pro Anfrage geht eine Zeile auf die Standardfehlerausgabe. Strg+C (SIGINT)
oder SIGTERM beendet ihn.

  --model MODELL     eine .gguf-Datei oder ein HuggingFace-Modellordner (Standard: das in Lecterns
                     Einstellungen gewählte Modell)
  --mmproj DATEI     die GGUF-Datei des Vision-Projektors (Standard: neben dem Modell gefunden)
  --device GERÄT     auto (Vulkan, wenn verfügbar), cpu oder vulkan (Standard: die Wahl der Einstellungen)
  --context N        Kontextlänge in Tokens pro Anfrage (Standard: die Wahl der Einstellungen, sonst 8192)
  --host ADRESSE     die Adresse, auf der gelauscht wird (Standard 127.0.0.1: nur dieser Computer)
  --port N           der Port (Standard 8080; 0 wählt einen freien)
  --api-key SCHLÜSSEL  Clients müssen &quot;Authorization: Bearer SCHLÜSSEL&quot; senden (Standard: die
                     Umgebungsvariable LECTERN_API_KEY; keiner, wenn sie nicht gesetzt ist)
  --max-body-mb N    größere Anfrageinhalte werden mit 413 abgelehnt (Standard 64)
  --max-queue N      Anfragen, die über N hinaus laufen oder warten, werden mit 429 abgelehnt (Standard 16)
  --no-file-paths    Bilder nur als data:-URLs: image_url-Teile ablehnen, die lokale Dateien nennen

Exit-Status: 0 nach Beenden durch ein Signal, 1, wenn das Modell nicht geladen oder der Port nicht
gebunden werden kann, 2 bei einem Aufruffehler.
</translation>
    </message>
    <message>
        <source>no model is chosen. Give a .gguf file or a model folder with --model, or choose one in Lectern&apos;s settings.</source>
        <translation>kein Modell gewählt. Geben Sie mit --model eine .gguf-Datei oder einen Modellordner an, oder wählen Sie eines in Lecterns Einstellungen.</translation>
    </message>
    <message>
        <source>the model %1 does not exist. Give a .gguf file or a model folder with --model.</source>
        <translation>das Modell %1 existiert nicht. Geben Sie mit --model eine .gguf-Datei oder einen Modellordner an.</translation>
    </message>
    <message>
        <source>warning: listening on %1 without an API key: anyone who can reach this computer can use the model. Set --api-key or LECTERN_API_KEY.</source>
        <translation>Warnung: Lausche auf %1 ohne API-Schlüssel: Jeder, der diesen Computer erreicht, kann das Modell nutzen. Setzen Sie --api-key oder LECTERN_API_KEY.</translation>
    </message>
    <message>
        <source>the vision projector %1 does not exist. Give an mmproj .gguf file with --mmproj.</source>
        <translation>der Vision-Projektor %1 existiert nicht. Geben Sie mit --mmproj eine mmproj-.gguf-Datei an.</translation>
    </message>
    <message>
        <source>cannot create a temporary folder: %1</source>
        <translation>kann keinen temporären Ordner anlegen: %1</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>cannot set up the signal handling.</source>
        <translation>kann die Signalbehandlung nicht einrichten.</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>wird beendet</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Choose a GGUF model file</source>
        <translation>Eine GGUF-Modelldatei wählen</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF-Modelle (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Choose a HuggingFace model folder</source>
        <translation>Einen HuggingFace-Modellordner wählen</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>No model chosen</source>
        <translation>Kein Modell gewählt</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>Datei …</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Ordner …</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Automatic (GPU when available)</source>
        <translation>Automatisch (GPU, wenn verfügbar)</translation>
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
        <translation>Kontextgröße</translation>
    </message>
    <message>
        <source>Limit to</source>
        <translation>Begrenzen auf</translation>
    </message>
    <message>
        <source>Limit the context size</source>
        <translation>Die Kontextgröße begrenzen</translation>
    </message>
    <message>
        <source>Context size in tokens</source>
        <translation>Kontextgröße in Tokens</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>KV cache</source>
        <translation>KV-Cache</translation>
    </message>
    <message>
        <source>16-bit (best quality)</source>
        <translation>16 Bit (beste Qualität)</translation>
    </message>
    <message>
        <source>8-bit (half the memory)</source>
        <translation>8 Bit (halber Speicher)</translation>
    </message>
    <message>
        <source>KV cache precision</source>
        <translation>Genauigkeit des KV-Caches</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>Like the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The new language is used after Lectern restarts.</source>
        <translation>Die neue Sprache gilt nach einem Neustart von Lectern.</translation>
    </message>
    <message>
        <source>Use the largest that fits: %1 tokens</source>
        <translation>Das Größte verwenden, das passt: %1 Tokens</translation>
    </message>
    <message>
        <source>Image resolution</source>
        <translation>Bildauflösung</translation>
    </message>
    <message>
        <source>Full (up to 16,384 tokens per picture)</source>
        <translation>Voll (bis zu 16.384 Tokens pro Bild)</translation>
    </message>
    <message>
        <source>High (up to 4,096 tokens per picture)</source>
        <translation>Hoch (bis zu 4.096 Tokens pro Bild)</translation>
    </message>
    <message>
        <source>Medium (up to 1,024 tokens per picture)</source>
        <translation>Mittel (bis zu 1.024 Tokens pro Bild)</translation>
    </message>
    <message>
        <source>Low (up to 256 tokens per picture)</source>
        <translation>Niedrig (bis zu 256 Tokens pro Bild)</translation>
    </message>
    <message>
        <source>Image resolution: the most vision tokens one picture or page image may take</source>
        <translation>Bildauflösung: die meisten Bild-Tokens, die ein Bild oder Seitenbild belegen darf</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Video frames per second</source>
        <translation>Videobilder pro Sekunde</translation>
    </message>
    <message>
        <source>frames per second, at most</source>
        <translation>Bilder pro Sekunde, höchstens</translation>
    </message>
    <message>
        <source>Most frames sampled from one video</source>
        <translation>Höchstzahl der aus einem Video ausgewählten Bilder</translation>
    </message>
    <message>
        <source>frames</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Automatic (the largest that fits the context)</source>
        <translation>Automatisch (die größte, die in den Kontext passt)</translation>
    </message>
    <message>
        <source>Local API server</source>
        <translation>Lokaler API-Server</translation>
    </message>
    <message>
        <source>Serve the model to other apps on this computer (OpenAI-compatible API)</source>
        <translation>Das Modell anderen Apps auf diesem Computer bereitstellen (OpenAI-kompatible API)</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>API server port</source>
        <translation>Port des API-Servers</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>None: every app on this computer may connect</source>
        <translation>Keiner: Jede App auf diesem Computer darf sich verbinden</translation>
    </message>
    <message>
        <source>API key that clients must send</source>
        <translation>API-Schlüssel, den Clients senden müssen</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Hide the API key</source>
        <translation>Den API-Schlüssel verbergen</translation>
    </message>
    <message>
        <source>Show the API key</source>
        <translation>Den API-Schlüssel anzeigen</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Erzeugen</translation>
    </message>
    <message>
        <source>Generate a random API key</source>
        <translation>Einen zufälligen API-Schlüssel erzeugen</translation>
    </message>
    <message>
        <source>An API key cannot contain spaces or characters outside ASCII.</source>
        <translation>Ein API-Schlüssel darf keine Leerzeichen und nur ASCII-Zeichen enthalten.</translation>
    </message>
    <message>
        <source>Clients send it as &quot;Authorization: Bearer &lt;key&gt;&quot;. It is stored in plain text in %1.</source>
        <translation>Clients senden ihn als „Authorization: Bearer &lt;key&gt;“. Er wird im Klartext in %1 gespeichert.</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the base URL</source>
        <translation>Die Basis-URL kopieren</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Start the API server again</source>
        <translation>Den API-Server erneut starten</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>No conversations yet</source>
        <translation>Noch keine Unterhaltungen</translation>
    </message>
    <message>
        <source>New chat (Ctrl+N)</source>
        <translation>Neuer Chat (Strg+N)</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>Unterhaltungen durchsuchen</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>No conversation mentions that</source>
        <translation>Keine Unterhaltung erwähnt das</translation>
    </message>
    <message>
        <source>Conversation deleted</source>
        <translation>Unterhaltung gelöscht</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Undo deleting the conversation</source>
        <translation>Das Löschen der Unterhaltung rückgängig machen</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>Das Modell wird geladen …</translation>
    </message>
    <message>
        <source>No model chosen</source>
        <translation>Kein Modell gewählt</translation>
    </message>
    <message>
        <source>Device: CPU</source>
        <translation>Gerät: CPU</translation>
    </message>
    <message>
        <source>Device: GPU (Vulkan)</source>
        <translation>Gerät: GPU (Vulkan)</translation>
    </message>
    <message>
        <source>Device: automatic</source>
        <translation>Gerät: automatisch</translation>
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
        <translation>%1 von %2 GiB</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>Using the CPU: no Vulkan GPU was found</source>
        <translation>Die CPU wird verwendet: Es wurde keine Vulkan-GPU gefunden</translation>
    </message>
    <message>
        <source>Using the CPU: %1</source>
        <translation>Die CPU wird verwendet: %1</translation>
    </message>
    <message>
        <source>Backend: %1</source>
        <translation>Backend: %1</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>Gerät: %1</translation>
    </message>
    <message>
        <source>Memory: %1</source>
        <translation>Speicher: %1</translation>
    </message>
    <message>
        <source>Context: %1 tokens (up to %2 fit)</source>
        <translation>Kontext: %1 Tokens (bis zu %2 passen)</translation>
    </message>
    <message>
        <source>KV cache: %1</source>
        <translation>KV-Cache: %1</translation>
    </message>
    <message>
        <source>Why the CPU: %1</source>
        <translation>Warum die CPU: %1</translation>
    </message>
    <message>
        <source>%1. Open the API server settings</source>
        <translation>%1. Die Einstellungen des API-Servers öffnen</translation>
    </message>
</context>
<context>
    <name>StreamingImageDecoder</name>
    <message>
        <source>The image file could not be opened.</source>
        <translation>Die Bilddatei konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>This kind of BMP file cannot be decoded at reduced size; save it as PNG or JPEG, or make it smaller.</source>
        <translation>Diese Art von BMP-Datei kann nicht verkleinert dekodiert werden; speichern Sie sie als PNG oder JPEG oder verkleinern Sie sie.</translation>
    </message>
    <message>
        <source>This kind of BMP file (compressed) cannot be decoded at reduced size; save it as PNG or JPEG, or make it smaller.</source>
        <translation>Diese Art von BMP-Datei (komprimiert) kann nicht verkleinert dekodiert werden; speichern Sie sie als PNG oder JPEG oder verkleinern Sie sie.</translation>
    </message>
    <message>
        <source>Lectern cannot decode %1 images at reduced size.</source>
        <translation>Lectern kann %1-Bilder nicht verkleinert dekodieren.</translation>
    </message>
    <message>
        <source>The image is damaged or incomplete and could not be decoded (%1).</source>
        <translation>Das Bild ist beschädigt oder unvollständig und konnte nicht dekodiert werden (%1).</translation>
    </message>
    <message>
        <source>The image file could not be read: %1</source>
        <translation>Die Bilddatei konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Not enough memory to decode the image.</source>
        <translation>Nicht genug Speicher, um das Bild zu dekodieren.</translation>
    </message>
</context>
<context>
    <name>TextImporter</name>
    <message>
        <source>Reading text</source>
        <translation>Text wird gelesen</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>Die Datei konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The text file grew past the size limit while it was read.</source>
        <translation>Die Textdatei ist während des Lesens über die Größengrenze gewachsen.</translation>
    </message>
    <message>
        <source>The file is not valid UTF-8; it was read as Latin-1 (ISO-8859-1). If characters look wrong, save it as UTF-8 and import it again.</source>
        <translation>Die Datei ist kein gültiges UTF-8; sie wurde als Latin-1 (ISO-8859-1) gelesen. Wenn Zeichen falsch aussehen, speichern Sie sie als UTF-8 und importieren Sie sie erneut.</translation>
    </message>
    <message>
        <source>The file contains byte sequences that are invalid in %1; they were replaced.</source>
        <translation>Die Datei enthält Bytefolgen, die in %1 ungültig sind; sie wurden ersetzt.</translation>
    </message>
    <message>
        <source>The HTML file is %1 MiB; Lectern reads HTML files up to %2 MiB. Save the page as plain text to import it.</source>
        <translation>Die HTML-Datei ist %1 MiB groß; Lectern liest HTML-Dateien bis %2 MiB. Speichern Sie die Seite als reinen Text, um sie zu importieren.</translation>
    </message>
    <message>
        <source>Extracting text from HTML</source>
        <translation>Text wird aus HTML extrahiert</translation>
    </message>
    <message>
        <source>The file is not valid JSON (%1 at character %2); it is used as plain text.</source>
        <translation>Die Datei ist kein gültiges JSON (%1 bei Zeichen %2); sie wird als reiner Text verwendet.</translation>
    </message>
    <message>
        <source>The file contains no text.</source>
        <translation>Die Datei enthält keinen Text.</translation>
    </message>
    <message>
        <source>Text read</source>
        <translation>Text gelesen</translation>
    </message>
</context>
<context>
    <name>VideoImporter</name>
    <message>
        <source>There is no sampled frame %1 in this video.</source>
        <translation>In diesem Video gibt es kein ausgewähltes Einzelbild %1.</translation>
    </message>
    <message>
        <source>The video could not be opened again to decode a frame.</source>
        <translation>Das Video konnte zum Dekodieren eines Einzelbilds nicht erneut geöffnet werden.</translation>
    </message>
    <message>
        <source>Opening video</source>
        <translation>Video wird geöffnet</translation>
    </message>
    <message>
        <source>The video stream has no valid frame size; the file is damaged.</source>
        <translation>Der Videostream hat keine gültige Bildgröße; die Datei ist beschädigt.</translation>
    </message>
    <message>
        <source>The video frames are %1 x %2 pixels; Lectern reads videos up to %3 pixels per side.</source>
        <translation>Die Einzelbilder des Videos haben %1 × %2 Pixel; Lectern liest Videos bis %3 Pixel pro Seite.</translation>
    </message>
    <message>
        <source>The video claims to last %1 s; Lectern reads videos up to %2 s. Cut it into shorter clips.</source>
        <translation>Das Video gibt an, %1 s zu dauern; Lectern liest Videos bis %2 s. Schneiden Sie es in kürzere Ausschnitte.</translation>
    </message>
    <message>
        <source>Reading frame timestamps</source>
        <translation>Zeitstempel der Einzelbilder werden gelesen</translation>
    </message>
    <message>
        <source>The video stream contains no frames.</source>
        <translation>Der Videostream enthält keine Einzelbilder.</translation>
    </message>
    <message>
        <source>The video is long: %1 frames spread evenly over it were sampled (the frame budget), fewer than %2 per second.</source>
        <translation>Das Video ist lang: %1 gleichmäßig verteilte Einzelbilder wurden ausgewählt (das Einzelbild-Budget), weniger als %2 pro Sekunde.</translation>
    </message>
    <message>
        <source>Decoding a test frame</source>
        <translation>Ein Testbild wird dekodiert</translation>
    </message>
    <message>
        <source>The video&apos;s frames could not be decoded; the file is damaged. %1</source>
        <translation>Die Einzelbilder des Videos konnten nicht dekodiert werden; die Datei ist beschädigt. %1</translation>
    </message>
    <message>
        <source>Video read</source>
        <translation>Video gelesen</translation>
    </message>
</context>
<context>
    <name>VideoReader</name>
    <message>
        <source>Not enough memory to open the video.</source>
        <translation>Nicht genug Speicher, um das Video zu öffnen.</translation>
    </message>
    <message>
        <source>The video file is damaged, incomplete or in a container Lectern does not read (%1). MP4, WebM, Matroska, QuickTime and AVI files are supported.</source>
        <translation>Die Videodatei ist beschädigt, unvollständig oder in einem Container, den Lectern nicht liest (%1). MP4-, WebM-, Matroska-, QuickTime- und AVI-Dateien werden unterstützt.</translation>
    </message>
    <message>
        <source>The video&apos;s streams could not be read; the file is damaged (%1).</source>
        <translation>Die Streams des Videos konnten nicht gelesen werden; die Datei ist beschädigt (%1).</translation>
    </message>
    <message>
        <source>The file contains no video stream (it may be audio only). Lectern imports video files.</source>
        <translation>Die Datei enthält keinen Videostream (vielleicht nur Audio). Lectern importiert Videodateien.</translation>
    </message>
    <message>
        <source>The video stream has an invalid time base; the file is damaged.</source>
        <translation>Der Videostream hat eine ungültige Zeitbasis; die Datei ist beschädigt.</translation>
    </message>
    <message>
        <source>The video uses the %1 codec, which this installation cannot decode. Convert it to H.264 or VP9.</source>
        <translation>Das Video verwendet den Codec %1, den diese Installation nicht dekodieren kann. Wandeln Sie es in H.264 oder VP9 um.</translation>
    </message>
    <message>
        <source>Not enough memory to open the video decoder.</source>
        <translation>Nicht genug Speicher, um den Videodecoder zu öffnen.</translation>
    </message>
    <message>
        <source>The %1 video decoder could not be started (%2).</source>
        <translation>Der Videodecoder %1 konnte nicht gestartet werden (%2).</translation>
    </message>
    <message>
        <source>The video has more than %1 frames, more than Lectern reads from one file. Cut it into shorter clips.</source>
        <translation>Das Video hat mehr als %1 Einzelbilder, mehr als Lectern aus einer Datei liest. Schneiden Sie es in kürzere Ausschnitte.</translation>
    </message>
    <message>
        <source>A video frame could not be converted to an image.</source>
        <translation>Ein Einzelbild des Videos konnte nicht in ein Bild umgewandelt werden.</translation>
    </message>
    <message>
        <source>Decoding was stopped.</source>
        <translation>Das Dekodieren wurde angehalten.</translation>
    </message>
    <message>
        <source>The video stream is damaged and could not be decoded (%1).</source>
        <translation>Der Videostream ist beschädigt und konnte nicht dekodiert werden (%1).</translation>
    </message>
    <message>
        <source>The video is not open.</source>
        <translation>Das Video ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>The frame at %1 s could not be decoded; the video may be truncated.</source>
        <translation>Das Einzelbild bei %1 s konnte nicht dekodiert werden; das Video ist möglicherweise abgeschnitten.</translation>
    </message>
</context>
<context>
    <name>lectern::app::ModelDownloader</name>
    <message>
        <source>The download address &quot;%1&quot; is not an http or https address. Correct it in Settings.</source>
        <translation>Die Download-Adresse »%1« ist keine http- oder https-Adresse. Korrigieren Sie sie in den Einstellungen.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Choose a folder you can write to.</source>
        <translation>%1 kann nicht geschrieben werden: %2. Wählen Sie einen Ordner, in den Sie schreiben dürfen.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Free some disk space and start the download again.</source>
        <translation>%1 kann nicht geschrieben werden: %2. Schaffen Sie Speicherplatz und starten Sie den Download erneut.</translation>
    </message>
    <message>
        <source>Download paused. Start it again to continue where it stopped.</source>
        <translation>Download angehalten. Starten Sie ihn erneut, um dort fortzufahren, wo er stehen blieb.</translation>
    </message>
    <message>
        <source>The server answered %1 %2 for %3. Check the download address in Settings.</source>
        <translation>Der Server antwortete %1 %2 für %3. Prüfen Sie die Download-Adresse in den Einstellungen.</translation>
    </message>
    <message>
        <source>The download stopped after %1 bytes: %2. Start it again to resume.</source>
        <translation>Der Download brach nach %1 Bytes ab: %2. Starten Sie ihn erneut, um fortzufahren.</translation>
    </message>
    <message>
        <source>The connection closed after %1 of %2 bytes. Start the download again to resume.</source>
        <translation>Die Verbindung wurde nach %1 von %2 Bytes geschlossen. Starten Sie den Download erneut, um fortzufahren.</translation>
    </message>
    <message>
        <source>Cannot read the downloaded file %1 to check it.</source>
        <translation>Die heruntergeladene Datei %1 kann zur Prüfung nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The downloaded file is damaged: its SHA-256 is %1, expected %2. It was deleted; download it again or check the address and checksum in Settings.</source>
        <translation>Die heruntergeladene Datei ist beschädigt: Ihr SHA-256 ist %1, erwartet war %2. Sie wurde gelöscht; laden Sie sie erneut herunter oder prüfen Sie Adresse und Prüfsumme in den Einstellungen.</translation>
    </message>
    <message>
        <source>Cannot move the download to %1.</source>
        <translation>Der Download kann nicht nach %1 verschoben werden.</translation>
    </message>
</context>
<context>
    <name>lectern::chat</name>
    <message>
        <source>The request was cancelled before it started.</source>
        <translation>Die Anfrage wurde abgebrochen, bevor sie begann.</translation>
    </message>
    <message>
        <source>No model is loaded. Load a model in Lectern (or start `lectern serve` with --model) and send the request again.</source>
        <translation>Es ist kein Modell geladen. Laden Sie ein Modell in Lectern (oder starten Sie `lectern serve` mit --model) und senden Sie die Anfrage erneut.</translation>
    </message>
    <message>
        <source>The request cannot be turned into a prompt: %1</source>
        <translation>Aus der Anfrage lässt sich kein Prompt machen: %1</translation>
    </message>
    <message>
        <source>The messages take %1 tokens, but the model&apos;s context holds %2. Send fewer or shorter messages, or load the model with a longer context.</source>
        <translation>Die Nachrichten belegen %1 Tokens, der Kontext des Modells fasst aber %2. Senden Sie weniger oder kürzere Nachrichten, oder laden Sie das Modell mit einem längeren Kontext.</translation>
    </message>
    <message>
        <source>The model cannot answer this request: %1</source>
        <translation>Das Modell kann diese Anfrage nicht beantworten: %1</translation>
    </message>
</context>
<context>
    <name>lectern::chat::ChatService</name>
    <message>
        <source>The request was cancelled: Lectern is shutting down.</source>
        <translation>Die Anfrage wurde abgebrochen: Lectern wird beendet.</translation>
    </message>
</context>
<context>
    <name>lectern::chat::TurnRunner</name>
    <message>
        <source>Cannot load the model %1: %2</source>
        <translation>Das Modell %1 kann nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>Cannot start a session with the model %1: %2</source>
        <translation>Mit dem Modell %1 kann keine Sitzung gestartet werden: %2</translation>
    </message>
    <message>
        <source>The question was cancelled before it was sent.</source>
        <translation>Die Frage wurde abgebrochen, bevor sie gesendet wurde.</translation>
    </message>
    <message>
        <source>No model is loaded. Load a model before asking.</source>
        <translation>Es ist kein Modell geladen. Laden Sie ein Modell, bevor Sie fragen.</translation>
    </message>
    <message>
        <source>The question is empty. Type a question to ask.</source>
        <translation>Die Frage ist leer. Geben Sie eine Frage ein.</translation>
    </message>
    <message>
        <source>Cannot open the database %1 for writing: %2</source>
        <translation>Die Datenbank %1 kann nicht zum Schreiben geöffnet werden: %2</translation>
    </message>
    <message>
        <source>There is no conversation %1 in %2. Leave out the conversation to start a new one.</source>
        <translation>In %2 gibt es keine Unterhaltung %1. Lassen Sie die Unterhaltung weg, um eine neue zu beginnen.</translation>
    </message>
    <message>
        <source>%1 cannot be attached: %2</source>
        <translation>%1 kann nicht angehängt werden: %2</translation>
    </message>
    <message>
        <source>Cannot build the prompt: %1</source>
        <translation>Der Prompt kann nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>The conversation and its attachments take %1 tokens, but the context holds %2. Attach less, start a new conversation or load the model with a longer context.</source>
        <translation>Die Unterhaltung und ihre Anhänge belegen %1 Tokens, der Kontext fasst aber %2. Hängen Sie weniger an, beginnen Sie eine neue Unterhaltung oder laden Sie das Modell mit einem längeren Kontext.</translation>
    </message>
    <message>
        <source>Cannot save the question: %1</source>
        <translation>Die Frage kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Cannot save the answer: %1</source>
        <translation>Die Antwort kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Generation failed: %1</source>
        <translation>Die Erzeugung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Unknown KV cache precision &quot;%1&quot;: choose f16 or q8_0.</source>
        <translation>Unbekannte KV-Cache-Genauigkeit »%1«: Wählen Sie f16 oder q8_0.</translation>
    </message>
    <message>
        <source>The image budget was not changed: %1</source>
        <translation>Das Bildbudget wurde nicht geändert: %1</translation>
    </message>
    <message>
        <source>No model is loaded, so the prompt cannot be estimated.</source>
        <translation>Es ist kein Modell geladen, daher kann der Prompt nicht geschätzt werden.</translation>
    </message>
    <message>
        <source>Cannot estimate the prompt: %1</source>
        <translation>Der Prompt kann nicht geschätzt werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>The pictures of the %n earliest question(s) with pictures are left out: the whole conversation does not fit the context otherwise.</source>
        <translation>
            <numerusform>Die Bilder der %n ältesten Frage mit Bildern werden weggelassen, sonst passt die ganze Unterhaltung nicht in den Kontext.</numerusform>
            <numerusform>Die Bilder der %n ältesten Fragen mit Bildern werden weggelassen, sonst passt die ganze Unterhaltung nicht in den Kontext.</numerusform>
        </translation>
    </message>
    <message>
        <source>The pictures of earlier questions are sent at lower resolution so that the whole conversation fits the context.</source>
        <translation>Die Bilder früherer Fragen werden mit geringerer Auflösung gesendet, damit die ganze Unterhaltung in den Kontext passt.</translation>
    </message>
    <message>
        <source>The pictures of %1 from an earlier question are not sent again: the file is gone or has changed since.</source>
        <translation>Die Bilder von %1 aus einer früheren Frage werden nicht erneut gesendet: Die Datei fehlt oder wurde seitdem geändert.</translation>
    </message>
</context>
<context>
    <name>lectern::extract::ExtractionService</name>
    <message>
        <source>The database cannot be opened.</source>
        <translation>Die Datenbank kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Extraction job %1 is running.</source>
        <translation>Extraktionsauftrag %1 läuft.</translation>
    </message>
</context>
<context>
    <name>lectern::extract::ExtractionWorker</name>
    <message>
        <source>Cannot load the model %1: %2</source>
        <translation>Das Modell %1 kann nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>Cannot start a session with the model %1: %2</source>
        <translation>Mit dem Modell %1 kann keine Sitzung gestartet werden: %2</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation>Die Datenbank %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>No model is loaded. Load a model before extracting.</source>
        <translation>Es ist kein Modell geladen. Laden Sie ein Modell, bevor Sie extrahieren.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 has no text to extract from (image-only pages are not read yet).</source>
        <translation>%1 hat keinen Text zum Extrahieren (reine Bildseiten werden noch nicht gelesen).</translation>
    </message>
    <message>
        <source>Extraction failed: %1</source>
        <translation>Die Extraktion ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>page %1: the answer is not complete JSON (%2); raise the token limit</source>
        <translation>Seite %1: Die Antwort ist kein vollständiges JSON (%2); erhöhen Sie die Token-Grenze</translation>
    </message>
</context>
<context>
    <name>lectern::server::ApiServer</name>
    <message>
        <source>Port %1 on %2 needs administrator rights. Choose a port above 1023.</source>
        <translation>Port %1 auf %2 erfordert Administratorrechte. Wählen Sie einen Port über 1023.</translation>
    </message>
    <message>
        <source>Cannot listen on %1 port %2: %3. Check that the address belongs to this computer (127.0.0.1 for this computer only).</source>
        <translation>Kann nicht auf %1 Port %2 lauschen: %3. Prüfen Sie, ob die Adresse zu diesem Computer gehört (127.0.0.1 für nur diesen Computer).</translation>
    </message>
    <message>
        <source>the address is not usable</source>
        <translation>die Adresse ist nicht verwendbar</translation>
    </message>
    <message>
        <source>Port %1 on %2 is in use by another program. Choose another port, or stop the other program.</source>
        <translation>Port %1 auf %2 wird von einem anderen Programm verwendet. Wählen Sie einen anderen Port oder beenden Sie das andere Programm.</translation>
    </message>
</context>
<context>
    <name>lectern::ui</name>
    <message>
        <source>&apos;%1&apos; is not a value of type %2.</source>
        <translation>»%1« ist kein Wert vom Typ %2.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of: %2.</source>
        <translation>»%1« ist keiner von: %2.</translation>
    </message>
</context>
<context>
    <name>lectern::ui::AppSettings</name>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
</context>
<context>
    <name>lectern::ui::AttachmentListModel</name>
    <message>
        <source>1 page</source>
        <translation>1 Seite</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 Seiten</translation>
    </message>
    <message>
        <source>1 frame</source>
        <translation>1 Einzelbild</translation>
    </message>
    <message>
        <source>%1 frames</source>
        <translation>%1 Einzelbilder</translation>
    </message>
    <message>
        <source>image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
</context>
<context>
    <name>lectern::ui::AttachmentResender</name>
    <message>
        <source>%1 has no stored text, so it is not sent again.</source>
        <translation>Von %1 ist kein Text gespeichert, daher wird es nicht erneut gesendet.</translation>
    </message>
    <message>
        <source>%1 has changed or is gone, and no text of it is stored, so it is not sent again.</source>
        <translation>%1 wurde geändert oder fehlt, und es ist kein Text davon gespeichert, daher wird es nicht erneut gesendet.</translation>
    </message>
    <message>
        <source>%1 has changed since it was sent, so it is not sent again. Attach it again to ask about the new version.</source>
        <translation>%1 wurde seit dem Senden geändert und wird daher nicht erneut gesendet. Hängen Sie die Datei erneut an, um nach der neuen Version zu fragen.</translation>
    </message>
    <message>
        <source>%1 cannot be read again (%2), so it is not sent again.</source>
        <translation>%1 kann nicht erneut gelesen werden (%2), daher wird es nicht erneut gesendet.</translation>
    </message>
</context>
<context>
    <name>lectern::ui::ChatController</name>
    <message>
        <source>No database is open, so no model can be used.</source>
        <translation>Es ist keine Datenbank geöffnet, daher kann kein Modell verwendet werden.</translation>
    </message>
    <message>
        <source>Cannot read the conversations: %1</source>
        <translation>Die Unterhaltungen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot read the conversation: %1</source>
        <translation>Die Unterhaltung kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot rename the conversation: %1</source>
        <translation>Die Unterhaltung kann nicht umbenannt werden: %1</translation>
    </message>
    <message>
        <source>Cannot delete the conversation: %1</source>
        <translation>Die Unterhaltung kann nicht gelöscht werden: %1</translation>
    </message>
    <message>
        <source>Cannot save the thinking setting: %1</source>
        <translation>Die Einstellung zum Nachdenken kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Cannot search: %1</source>
        <translation>Die Suche ist nicht möglich: %1</translation>
    </message>
    <message>
        <source>No database is open, so nothing can be asked or kept.</source>
        <translation>Es ist keine Datenbank geöffnet, daher kann nichts gefragt oder behalten werden.</translation>
    </message>
    <message>
        <source>Wait for the answer, or stop it, before asking again.</source>
        <translation>Warten Sie auf die Antwort oder halten Sie sie an, bevor Sie erneut fragen.</translation>
    </message>
    <message>
        <source>No model is loaded. Open a model before asking.</source>
        <translation>Es ist kein Modell geladen. Öffnen Sie ein Modell, bevor Sie fragen.</translation>
    </message>
    <message>
        <source>Cannot remove the old answer: %1</source>
        <translation>Die alte Antwort kann nicht entfernt werden: %1</translation>
    </message>
</context>
<context>
    <name>lectern::ui::ExtractionController</name>
    <message>
        <source>The database cannot be opened, so the change cannot be kept.</source>
        <translation>Die Datenbank kann nicht geöffnet werden, daher kann die Änderung nicht behalten werden.</translation>
    </message>
    <message>
        <source>There is no built-in template named &apos;%1&apos;.</source>
        <translation>Es gibt keine eingebaute Vorlage namens »%1«.</translation>
    </message>
    <message>
        <source>%1 is not a file that can be read.</source>
        <translation>%1 ist keine lesbare Datei.</translation>
    </message>
    <message>
        <source>Extraction needs the database, which could not be opened.</source>
        <translation>Die Extraktion braucht die Datenbank, die nicht geöffnet werden konnte.</translation>
    </message>
    <message>
        <source>Nothing to extract: add files first.</source>
        <translation>Nichts zu extrahieren: Fügen Sie zuerst Dateien hinzu.</translation>
    </message>
    <message>
        <source>Choose a model first (Settings → Model).</source>
        <translation>Wählen Sie zuerst ein Modell (Einstellungen → Modell).</translation>
    </message>
    <message>
        <source>The file of this record is not in the extraction queue, so it cannot be re-run.</source>
        <translation>Die Datei dieses Datensatzes ist nicht in der Extraktions-Warteschlange und kann daher nicht erneut ausgeführt werden.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot save the change: %1</source>
        <translation>Die Änderung kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Cannot queue the files: %1</source>
        <translation>Die Dateien können nicht in die Warteschlange gestellt werden: %1</translation>
    </message>
    <message>
        <source>Extraction job %1 is running.</source>
        <translation>Extraktionsauftrag %1 läuft.</translation>
    </message>
</context>
<context>
    <name>lectern::ui::ExtractionRecordModel</name>
    <message>
        <source>Source file</source>
        <translation>Quelldatei</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Seite</translation>
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
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <source>The folder %1 has no config.json: choose a HuggingFace model folder.</source>
        <translation>Der Ordner %1 hat keine config.json: Wählen Sie einen HuggingFace-Modellordner.</translation>
    </message>
    <message>
        <source>%1 is not a GGUF model file.</source>
        <translation>%1 ist keine GGUF-Modelldatei.</translation>
    </message>
    <message>
        <source>%1 is a %2 model; Lectern runs Qwen3.5 models.</source>
        <translation>%1 ist ein %2-Modell; Lectern führt Qwen3.5-Modelle aus.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>lectern::ui::ServerController</name>
    <message>
        <source>API server starting…</source>
        <translation>API-Server startet …</translation>
    </message>
    <message>
        <source>API server could not start</source>
        <translation>API-Server konnte nicht starten</translation>
    </message>
    <message>
        <source>API: %1, %2</source>
        <translation>API: %1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) running</source>
        <translation>
            <numerusform>%n Anfrage läuft</numerusform>
            <numerusform>%n Anfragen laufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n wartet</numerusform>
            <numerusform>%n warten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>API: %n request(s) running</source>
        <translation>
            <numerusform>API: %n Anfrage läuft</numerusform>
            <numerusform>API: %n Anfragen laufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>API: %n request(s) waiting</source>
        <translation>
            <numerusform>API: %n Anfrage wartet</numerusform>
            <numerusform>API: %n Anfragen warten</numerusform>
        </translation>
    </message>
    <message>
        <source>API server on :%1</source>
        <translation>API-Server auf :%1</translation>
    </message>
    <message>
        <source>Not available: no database could be opened.</source>
        <translation>Nicht verfügbar: Es konnte keine Datenbank geöffnet werden.</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Startet …</translation>
    </message>
    <message>
        <source>Could not start: %1</source>
        <translation>Konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>Listening on %1 · %2</source>
        <translation>Lauscht auf %1 · %2</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>Lauscht auf %1</translation>
    </message>
    <message>
        <source>The local API server could not start: %1</source>
        <translation>Der lokale API-Server konnte nicht starten: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>lectern: cannot draw the window: %1
If this computer has no working OpenGL driver, start Lectern with QT_QUICK_BACKEND=software.</source>
        <translation>lectern: Das Fenster kann nicht gezeichnet werden: %1
Wenn dieser Computer keinen funktionierenden OpenGL-Treiber hat, starten Sie Lectern mit QT_QUICK_BACKEND=software.</translation>
    </message>
    <message>
        <source>Conversations cannot be kept: %1</source>
        <translation>Unterhaltungen können nicht gespeichert werden: %1</translation>
    </message>
</context>
</TS>
