<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AppHeader</name>
    <message>
        <source>Version %1</source>
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
</context>
<context>
    <name>main</name>
    <message>
        <source>lectern: cannot draw the window: %1
If this computer has no working OpenGL driver, start Lectern with QT_QUICK_BACKEND=software.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
