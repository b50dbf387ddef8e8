// ContextMeter.qml: tokens used out of the model's context, as a thin bar and a number; amber near the limit,
// red past it. For a long prompt it also shows, before sending, the memory and the approximate time the engine
// estimates it needs (ChatController.promptEstimate).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

RowLayout {
    id: meter
    objectName: "contextMeter"

    property real used: 0
    property real limit: 262144
    // showEstimate: the prompt is long enough for the estimate to matter; estimate: ChatController.promptEstimate
    // ({tokens, bytesNeeded, bytesAvailable, fitsMemory, seconds, error}).
    property bool showEstimate: false
    property var estimate: ({})
    readonly property real fraction: limit > 0 ? used / limit : 0
    readonly property bool nearLimit: fraction >= 0.9
    readonly property bool overLimit: fraction > 1.0
    readonly property string summary: qsTr("%1 of %2 tokens").arg(Number(used).toLocaleString(Qt.locale(), "f", 0))
                                                              .arg(Number(limit).toLocaleString(Qt.locale(), "f", 0))
    readonly property bool estimateReady: showEstimate && estimate !== undefined && estimate.tokens !== undefined
                                          && (estimate.error === undefined || estimate.error.length === 0)
    readonly property bool tooBigForMemory: estimateReady && estimate.fitsMemory === false
    // "≈ 3 min to read, 1.4 GiB" (the time only once the engine has measured its speed).
    readonly property string estimateText: {
        if (!estimateReady)
            return "";
        const gibValue = estimate.bytesNeeded / (1024 * 1024 * 1024);
        const memory = qsTr("%1 GiB").arg(Number(gibValue).toLocaleString(Qt.locale(), "f", gibValue < 10 ? 1 : 0));
        const seconds = estimate.seconds;
        let time = "";
        if (seconds > 0) {
            if (seconds < 60)
                time = qsTr("≈ %1 s to read").arg(Math.max(1, Math.round(seconds)));
            else if (seconds < 3600)
                time = qsTr("≈ %1 min to read").arg(Math.round(seconds / 60));
            else
                time = qsTr("≈ %1 h to read").arg(Number(seconds / 3600).toLocaleString(Qt.locale(), "f", 1));
        }
        const text = time.length > 0 ? qsTr("%1, %2").arg(time).arg(memory) : qsTr("needs %1").arg(memory);
        return tooBigForMemory ? qsTr("%1: more than the device has").arg(text) : text;
    }

    spacing: 6
    Accessible.role: Accessible.ProgressBar
    Accessible.name: estimateText.length > 0 ? qsTr("Context used: %1; %2").arg(summary).arg(estimateText)
                                              : qsTr("Context used: %1").arg(summary)

    Label {
        objectName: "promptEstimateLabel"
        visible: meter.estimateText.length > 0
        text: meter.estimateText
        font.pixelSize: 11
        color: meter.tooBigForMemory ? "#c0392b" : palette.placeholderText
        Accessible.ignored: true
    }

    Rectangle {
        Layout.preferredWidth: 90
        Layout.preferredHeight: 6
        radius: 3
        color: label.palette.mid
        Accessible.ignored: true

        Rectangle {
            width: parent.width * Math.min(1, meter.fraction)
            height: parent.height
            radius: 3
            color: meter.overLimit ? "#c0392b" : meter.nearLimit ? "#d68910" : label.palette.highlight
        }
    }

    Label {
        id: label
        objectName: "contextMeterLabel"
        text: meter.summary
        font.pixelSize: 11
        color: meter.overLimit ? "#c0392b" : palette.placeholderText
        Accessible.ignored: true
    }
}
