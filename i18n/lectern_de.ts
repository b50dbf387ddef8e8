<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AppHeader</name>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
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
</context>
<context>
    <name>main</name>
    <message>
        <source>lectern: cannot draw the window: %1
If this computer has no working OpenGL driver, start Lectern with QT_QUICK_BACKEND=software.</source>
        <translation>lectern: Das Fenster kann nicht gezeichnet werden: %1
Wenn dieser Computer keinen funktionierenden OpenGL-Treiber hat, starten Sie Lectern mit QT_QUICK_BACKEND=software.</translation>
    </message>
</context>
</TS>
