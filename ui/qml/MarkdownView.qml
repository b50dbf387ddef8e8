// MarkdownView.qml: one message's Markdown, one selectable text per block: finished blocks are laid out once, only
// the last (streaming) block changes as tokens arrive.
pragma ComponentBehavior: Bound

import QtQuick

Column {
    id: markdownView

    // A MarkdownBlockModel (role "markdown"), from the message's blocks role.
    property var blocks
    property color textColor: palette.text

    spacing: 8

    Repeater {
        model: markdownView.blocks

        delegate: TextEdit {
            required property string markdown
            width: markdownView.width
            text: markdown
            textFormat: TextEdit.MarkdownText
            wrapMode: TextEdit.Wrap
            readOnly: true
            selectByMouse: true
            color: markdownView.textColor
            selectionColor: markdownView.palette.highlight
            selectedTextColor: markdownView.palette.highlightedText
            font.pixelSize: 14
            onLinkActivated: (link) => Qt.openUrlExternally(link)
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
    }
}
