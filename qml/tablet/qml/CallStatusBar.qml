import QtQuick
import QtQuick.Layouts
import TableOrder.Ui

// The table's active calls under the header: "called", then "staff is on the way" once
// someone acknowledged; a call done is gone.
Rectangle {
    id: bar
    objectName: "callStatusBar"
    visible: tablet.staffCalls.calls.length > 0
    implicitHeight: Math.max(Theme.touch, flow.implicitHeight + 16)
    color: Theme.infoSoft

    function reasonText(reason, note) {
        switch (reason) {
        case "water": return qsTr("Water")
        case "cutlery": return qsTr("Cutlery & dishes")
        case "bill": return qsTr("The bill")
        }
        return note.length > 0 ? qsTr("Other") + " (" + note + ")" : qsTr("Other")
    }

    Flow {
        id: flow
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.leftMargin: 24
        anchors.rightMargin: 24
        spacing: 12
        Repeater {
            model: tablet.staffCalls.calls
            Rectangle {
                readonly property bool coming: modelData.status === "acknowledged"
                width: Math.min(flow.width, label.implicitWidth + 32)
                height: 40
                radius: 20
                color: coming ? Theme.success : Theme.info
                Text {
                    id: label
                    objectName: "callStatus-" + modelData.reason
                    textFormat: Text.PlainText
                    anchors.fill: parent
                    anchors.leftMargin: 16
                    anchors.rightMargin: 16
                    verticalAlignment: Text.AlignVCenter
                    elide: Text.ElideRight
                    color: "white"
                    font.pixelSize: Theme.body
                    font.weight: Font.DemiBold
                    text: bar.reasonText(modelData.reason, modelData.note) + ": "
                          + (parent.coming ? qsTr("Staff is on the way") : qsTr("Staff called"))
                }
            }
        }
    }
}
