import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui

// Floor: the guests' open calls, who waited longest first. One tap says "coming" (가는 중),
// another marks it done. A call nobody acknowledged in time is red.
Rectangle {
    id: panel
    objectName: "callsPanel"
    color: Theme.kPanel
    radius: 16
    property double now: Date.now()
    Timer { interval: 1000; running: true; repeat: true; onTriggered: panel.now = Date.now() }

    function ageText(createdMs) {
        const s = Math.max(0, Math.floor((panel.now - createdMs) / 1000))
        if (s < 60)
            return qsTr("%1 s ago").arg(s)
        return qsTr("%1 min %2 s ago").arg(Math.floor(s / 60)).arg(s % 60)
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 14
        spacing: 10
        RowLayout {
            Layout.fillWidth: true
            Text { textFormat: Text.PlainText; text: qsTr("Calls"); color: Theme.kText; font.pixelSize: Theme.title; font.weight: Font.Bold; Layout.fillWidth: true }
            Pill {
                objectName: "openCallsPill"
                visible: kitchen.calls.openCount > 0
                text: qsTr("%n waiting", "", kitchen.calls.openCount)
                tint: kitchen.calls.overdueCount > 0 ? Theme.dangerStrong : Theme.kNew
            }
        }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 8
            model: kitchen.calls.calls
            delegate: Rectangle {
                id: card
                objectName: "call-" + modelData.callId
                readonly property bool open: modelData.status === "open"
                width: list.width
                height: cardColumn.implicitHeight + 20
                radius: 12
                color: open && modelData.overdue ? "#5A1D1B" : open ? Theme.kCardAlt : Theme.kCard
                border.width: open ? 2 : 1
                border.color: open && modelData.overdue ? Theme.kVeryLate : open ? Theme.kNew : Theme.kLine
                ColumnLayout {
                    id: cardColumn
                    anchors.fill: parent
                    anchors.margins: 10
                    spacing: 6
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: 8
                        Text { textFormat: Text.PlainText; text: qsTr("Table %1").arg(modelData.tableNumber); color: Theme.kText; font.pixelSize: Theme.title; font.weight: Font.Black }
                        Pill {
                            objectName: "callReason-" + modelData.callId
                            text: modelData.reasonText
                            tint: modelData.reason === "bill" ? Theme.kDone : Theme.kPreparing
                            textColor: "#101214"
                        }
                        Item { Layout.fillWidth: true }
                        Text {
                            textFormat: Text.PlainText
                            text: panel.ageText(modelData.createdMs)
                            color: open && modelData.overdue ? "#FFB4B0" : Theme.kTextMuted
                            font.pixelSize: Theme.small
                            font.weight: open && modelData.overdue ? Font.Bold : Font.Normal
                        }
                    }
                    Text {
                        textFormat: Text.PlainText
                        visible: modelData.note.length > 0
                        text: "“" + modelData.note + "”"
                        color: Theme.kText
                        font.pixelSize: Theme.body
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    Text {
                        textFormat: Text.PlainText
                        visible: !open
                        text: qsTr("Coming: %1").arg(modelData.acknowledgedBy)
                        color: Theme.kDone
                        font.pixelSize: Theme.small + 1
                        font.weight: Font.DemiBold
                    }
                    TouchButton {
                        objectName: (open ? "ackCall-" : "doneCall-") + modelData.callId
                        Layout.fillWidth: true
                        enabled: !modelData.busy
                        variant: "dark"
                        tint: open ? Theme.kNew : Theme.kCardAlt
                        text: open ? qsTr("Coming") : qsTr("Done")
                        onClicked: open ? kitchen.calls.acknowledge(modelData.callId) : kitchen.calls.finish(modelData.callId)
                    }
                }
            }
            Text {
                textFormat: Text.PlainText
                anchors.centerIn: parent
                visible: list.count === 0
                text: qsTr("No calls")
                color: Theme.kTextMuted
                font.pixelSize: Theme.body
            }
        }
    }
}
