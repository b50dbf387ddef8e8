// StatusLine.qml: the window's footer: which model is loaded, where it runs (Vulkan GPU, lavapipe or the CPU
// reference), how much memory it uses out of the device's, why it fell back to the CPU when it did, and the local
// API server's state (listening, requests running and waiting, or why it could not start).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Lectern

ToolBar {
    id: statusLine
    objectName: "statusLine"

    // The API server indicator was clicked: the owner opens the settings at the server's section.
    signal serverSettingsRequested()

    // "1.2" (GiB, one decimal below 10, whole numbers above).
    function gib(bytes) {
        const value = bytes / (1024 * 1024 * 1024);
        return Number(value).toLocaleString(Qt.locale(), "f", value < 10 ? 1 : 0);
    }
    // Vulkan on Mesa's lavapipe runs on the processor, not a GPU: say so.
    readonly property bool softwareVulkan: ChatController.modelBackend === "vulkan"
                                           && /llvmpipe|lavapipe|swiftshader/i.test(ChatController.deviceName)
    readonly property string backendText: ChatController.modelBackend === "vulkan"
                                          ? (softwareVulkan ? qsTr("CPU (lavapipe)") : qsTr("Vulkan"))
                                          : qsTr("CPU")
    readonly property string memoryText: ChatController.memoryTotalBytes > 0
                                         ? qsTr("%1 of %2 GiB").arg(gib(ChatController.memoryUsedBytes))
                                                               .arg(gib(ChatController.memoryTotalBytes))
                                         : qsTr("%1 GiB").arg(gib(ChatController.memoryUsedBytes))
    // The first line of the engine's reason, with the no-driver case in plain words.
    readonly property string fallbackText: {
        const reason = ChatController.fallbackReason;
        if (reason.length === 0)
            return "";
        if (/no Vulkan driver|no usable Vulkan device/i.test(reason))
            return qsTr("Using the CPU: no Vulkan GPU was found");
        return qsTr("Using the CPU: %1").arg(reason.split("\n")[0]);
    }
    readonly property string deviceText: {
        if (!ChatController.modelReady)
            return AppSettings.device === "cpu" ? qsTr("Device: CPU")
                   : AppSettings.device === "vulkan" ? qsTr("Device: GPU (Vulkan)") : qsTr("Device: automatic");
        if (fallbackText.length > 0)
            return fallbackText + " · " + memoryText;
        const parts = [backendText];
        if (ChatController.modelBackend === "vulkan" && ChatController.deviceName.length > 0)
            parts.push(ChatController.deviceName);
        parts.push(memoryText);
        return parts.join(" · ");
    }

    topPadding: 3
    bottomPadding: 3
    leftPadding: 12
    rightPadding: 12

    RowLayout {
        anchors.fill: parent
        spacing: 12

        Label {
            objectName: "statusModelLabel"
            text: ChatController.modelReady ? qsTr("Model: %1").arg(ChatController.modelName)
                  : AppSettings.hasModel ? qsTr("Loading the model…") : qsTr("No model chosen")
            font.pixelSize: 11
            elide: Text.ElideMiddle
            Layout.fillWidth: true
            Accessible.name: text
        }
        // The local API server, when it is on: a click opens its settings.
        ToolButton {
            id: serverIndicator
            objectName: "statusServerButton"
            visible: ServerController.statusText.length > 0
            readonly property bool busy: ServerController.activeRequests > 0
            readonly property bool failed: ServerController.errorString.length > 0
            topPadding: 0
            bottomPadding: 0
            leftPadding: 6
            rightPadding: 6
            focusPolicy: Qt.TabFocus
            onClicked: statusLine.serverSettingsRequested()
            Accessible.name: qsTr("%1. Open the API server settings").arg(ServerController.statusText)
            ToolTip.visible: hovered
            ToolTip.delay: 500
            ToolTip.text: failed ? ServerController.errorString : ServerController.baseUrl
            contentItem: RowLayout {
                spacing: 4
                BusyIndicator {
                    objectName: "statusServerBusy"
                    visible: serverIndicator.busy
                    running: visible
                    implicitWidth: 14
                    implicitHeight: 14
                    padding: 0
                    Accessible.ignored: true
                }
                Label {
                    objectName: "statusServerLabel"
                    text: ServerController.statusText
                    font.pixelSize: 11
                    color: serverIndicator.failed ? "#c0392b" : palette.placeholderText
                    Accessible.ignored: true
                }
            }
        }
        Label {
            id: deviceLabel
            objectName: "statusDeviceLabel"
            text: statusLine.deviceText
            font.pixelSize: 11
            color: statusLine.fallbackText.length > 0 ? "#d68910" : palette.placeholderText
            elide: Text.ElideRight
            Layout.maximumWidth: statusLine.width * 0.6
            Accessible.name: ChatController.fallbackReason.length > 0
                             ? statusLine.deviceText + ". " + ChatController.fallbackReason
                             : statusLine.deviceText

            HoverHandler { id: deviceHover }
            ToolTip.visible: deviceHover.hovered && ChatController.modelReady
            ToolTip.delay: 500
            ToolTip.text: {
                const lines = [qsTr("Backend: %1").arg(statusLine.backendText)];
                if (ChatController.deviceName.length > 0)
                    lines.push(qsTr("Device: %1").arg(ChatController.deviceName));
                lines.push(qsTr("Memory: %1").arg(statusLine.memoryText));
                lines.push(qsTr("Context: %1 tokens (up to %2 fit)")
                           .arg(Number(ChatController.contextLength).toLocaleString(Qt.locale(), "f", 0))
                           .arg(Number(ChatController.maxContextLength).toLocaleString(Qt.locale(), "f", 0)));
                if (ChatController.kvType.length > 0)
                    lines.push(qsTr("KV cache: %1").arg(ChatController.kvType));
                if (ChatController.fallbackReason.length > 0)
                    lines.push(qsTr("Why the CPU: %1").arg(ChatController.fallbackReason));
                return lines.join("\n");
            }
        }
    }
}
