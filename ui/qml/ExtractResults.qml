// ExtractResults.qml: the extracted records as a table: a header that sorts, cells edited with a double click, Enter or
pragma ComponentBehavior: Bound

// F2 (saved at once; edited rows are shown in italics), re-run of the selected row's file.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Lectern

ColumnLayout {
    id: results
    objectName: "extractResults"

    property int currentRow: -1
    property int currentColumn: 0
    property int editRow: -1
    property int editColumn: -1
    property int sortColumn: -1
    property bool sortAscending: true
    readonly property int propertyCount: Math.max(0, ExtractionController.records.columnNames.length - 2)

    function startEditing() {
        if (results.currentRow < 0 || results.currentColumn >= results.propertyCount)
            return;
        results.editRow = results.currentRow;
        results.editColumn = results.currentColumn;
    }
    function stopEditing() {
        results.editRow = -1;
        results.editColumn = -1;
        table.forceActiveFocus();
    }
    function sortBy(column) {
        results.sortAscending = results.sortColumn === column ? !results.sortAscending : true;
        results.sortColumn = column;
        ExtractionController.sortBy(column, results.sortAscending);
    }

    spacing: 4

    HorizontalHeaderView {
        id: header
        objectName: "extractResultsHeader"
        syncView: table
        Layout.fillWidth: true
        clip: true
        delegate: Item {
            id: headerCell
            required property int column
            required property var display
            readonly property string title: headerCell.display === undefined ? "" : String(headerCell.display)
            implicitWidth: headerButton.implicitWidth
            implicitHeight: 30

            ItemDelegate {
                id: headerButton
                anchors.fill: parent
                text: headerCell.title
                      + (results.sortColumn === headerCell.column ? (results.sortAscending ? " ▲" : " ▼") : "")
                font.weight: Font.DemiBold
                focusPolicy: Qt.StrongFocus  // an ItemDelegate takes no focus by default: Tab, then Space sorts
                Accessible.name: qsTr("Sort by %1").arg(headerCell.title)
                onClicked: results.sortBy(headerCell.column)
            }
        }
    }

    TableView {
        id: table
        objectName: "extractResultsTable"
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        model: ExtractionController.sortedRecords
        activeFocusOnTab: true
        boundsBehavior: Flickable.StopAtBounds
        columnSpacing: 1
        rowSpacing: 1
        columnWidthProvider: (column) => column < results.propertyCount ? 160
                                         : (column === results.propertyCount ? 200 : 60)
        Accessible.role: Accessible.Table
        Accessible.name: qsTr("Extracted records")
        ScrollBar.vertical: ScrollBar {}
        ScrollBar.horizontal: ScrollBar {}

        Keys.onPressed: (event) => {
            const rows = table.rows;
            const columns = table.columns;
            if (rows === 0)
                return;
            if (results.currentRow < 0)
                results.currentRow = 0;
            if (event.key === Qt.Key_Down)
                results.currentRow = Math.min(rows - 1, results.currentRow + 1);
            else if (event.key === Qt.Key_Up)
                results.currentRow = Math.max(0, results.currentRow - 1);
            else if (event.key === Qt.Key_Right)
                results.currentColumn = Math.min(columns - 1, results.currentColumn + 1);
            else if (event.key === Qt.Key_Left)
                results.currentColumn = Math.max(0, results.currentColumn - 1);
            else if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter || event.key === Qt.Key_F2)
                results.startEditing();
            else
                return;
            table.positionViewAtCell(Qt.point(results.currentColumn, results.currentRow), TableView.Contain);
            event.accepted = true;
        }

        delegate: Rectangle {
            id: cell
            required property int row
            required property int column
            required property var display
            required property var edit
            required property bool edited
            required property bool editable
            readonly property bool current: cell.row === results.currentRow
            readonly property bool editing: cell.row === results.editRow && cell.column === results.editColumn

            implicitHeight: 30
            color: cell.current ? Qt.rgba(cell.palette.highlight.r, cell.palette.highlight.g, cell.palette.highlight.b,
                                          cell.column === results.currentColumn && table.activeFocus ? 0.35 : 0.18)
                                : (cell.row % 2 ? cell.palette.alternateBase : cell.palette.base)

            Label {
                anchors.fill: parent
                anchors.leftMargin: 6
                anchors.rightMargin: 6
                visible: !cell.editing
                text: cell.display === undefined ? "" : String(cell.display)
                elide: Text.ElideRight
                verticalAlignment: Text.AlignVCenter
                font.italic: cell.edited && cell.editable
                Accessible.name: text
            }
            Loader {
                anchors.fill: parent
                active: cell.editing
                sourceComponent: TextField {
                    objectName: "cellEditor"
                    text: cell.display === undefined ? "" : String(cell.display)
                    Accessible.name: qsTr("Edit %1").arg(String(ExtractionController.records.columnNames[cell.column]))
                    Component.onCompleted: { forceActiveFocus(); selectAll(); }
                    onAccepted: {
                        cell.edit = text;
                        results.stopEditing();
                    }
                    Keys.onEscapePressed: results.stopEditing()
                }
            }
            TapHandler {
                onTapped: {
                    results.currentRow = cell.row;
                    results.currentColumn = cell.column;
                    table.forceActiveFocus();
                }
                onDoubleTapped: {
                    results.currentRow = cell.row;
                    results.currentColumn = cell.column;
                    results.startEditing();
                }
            }
        }

        Label {
            anchors.centerIn: parent
            visible: table.rows === 0
            text: qsTr("Extracted records appear here.")
            color: table.palette.placeholderText
        }
    }
}
