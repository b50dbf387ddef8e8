// AppHeader.qml: the window's top bar: app icon, product name and version.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

ToolBar {
    id: appHeader
    objectName: "appHeader"

    required property string productName
    required property string productVersion

    topPadding: 8
    bottomPadding: 8
    leftPadding: 14
    rightPadding: 14

    RowLayout {
        anchors.fill: parent
        spacing: 10

        Image {
            source: "qrc:/icons/lectern.svg"
            sourceSize.width: 28
            sourceSize.height: 28
            Layout.preferredWidth: 28
            Layout.preferredHeight: 28
            Accessible.ignored: true
        }

        Label {
            objectName: "productNameLabel"
            text: appHeader.productName
            font.pixelSize: 17
            font.weight: Font.DemiBold
        }

        Label {
            objectName: "versionLabel"
            text: appHeader.productVersion
            font.pixelSize: 11
            color: appHeader.palette.placeholderText
            leftPadding: 7
            rightPadding: 7
            topPadding: 2
            bottomPadding: 2
            Accessible.name: qsTr("Version %1").arg(appHeader.productVersion)
            background: Rectangle {
                radius: height / 2
                color: "transparent"
                border.color: appHeader.palette.mid
            }
        }

        Item {
            Layout.fillWidth: true
        }
    }
}
