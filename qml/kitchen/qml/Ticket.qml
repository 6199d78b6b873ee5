import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui

// One order on the board: table and number, age (yellow after lateMinutes, red after
// veryLateMinutes), items in big type, the guests' note, and one big button to move it on.
Rectangle {
    id: ticket
    objectName: "ticket-" + orderId
    property double now
    property bool compact: false
    readonly property double sinceMs: status === "completed" ? completedMs : createdMs
    readonly property int ageSeconds: Math.max(0, Math.floor((now - createdMs) / 1000))
    readonly property bool active: status === "pending" || status === "preparing"
    readonly property bool late: active && ageSeconds >= kitchen.lateMinutes * 60
    readonly property bool veryLate: active && ageSeconds >= kitchen.veryLateMinutes * 60
    readonly property color ageColor: veryLate ? Theme.kVeryLate : late ? Theme.kLate : Theme.kCardAlt

    implicitHeight: content.implicitHeight + 24
    radius: 14
    color: Theme.kCard
    border.width: veryLate ? 4 : late ? 3 : (marked ? 3 : 1)
    border.color: veryLate ? Theme.kVeryLate : late ? Theme.kLate : (marked ? "#8AB4F8" : Theme.kLine)
    opacity: status === "completed" ? 0.75 : 1.0

    // The delivery receipt: this order is on a kitchen screen now.
    Component.onCompleted: kitchen.acknowledgeShown(orderId)

    function clock(seconds) {
        const m = Math.floor(seconds / 60)
        const s = seconds % 60
        return m + ":" + (s < 10 ? "0" : "") + s
    }
    function stationShown(station) {
        return kitchen.stations.length === 0 || kitchen.stations.indexOf(station || "kitchen") >= 0
    }

    ColumnLayout {
        id: content
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: 12
        spacing: 8

        RowLayout {
            Layout.fillWidth: true
            spacing: 10
            Rectangle {
                Layout.preferredHeight: 52
                Layout.preferredWidth: tableLabel.implicitWidth + 28
                radius: 10
                color: "#E9ECEF"
                Text {
                    id: tableLabel
                    textFormat: Text.PlainText
                    anchors.centerIn: parent
                    text: qsTr("T%1").arg(tableNumber)
                    color: "#101214"
                    font.pixelSize: Theme.headline - 2
                    font.weight: Font.Black
                }
            }
            Text {
                textFormat: Text.PlainText
                text: "#" + number
                color: Theme.kText
                font.pixelSize: Theme.title
                font.weight: Font.Bold
                Layout.fillWidth: true
            }
            Rectangle {
                objectName: "age-" + orderId
                visible: ticket.active
                Layout.preferredHeight: 44
                Layout.preferredWidth: ageLabel.implicitWidth + 24
                radius: 22
                color: ticket.ageColor
                Text {
                    id: ageLabel
                    textFormat: Text.PlainText
                    anchors.centerIn: parent
                    text: ticket.clock(ticket.ageSeconds)
                    color: ticket.late ? "#101214" : Theme.kText
                    font.pixelSize: Theme.title - 2
                    font.weight: Font.Bold
                }
                SequentialAnimation on opacity {
                    running: ticket.veryLate
                    loops: Animation.Infinite
                    NumberAnimation { to: 0.55; duration: 600 }
                    NumberAnimation { to: 1; duration: 600 }
                }
            }
            Text {
                textFormat: Text.PlainText
                visible: status === "completed"
                text: "✓ " + Qt.formatTime(new Date(completedMs), "hh:mm")
                color: Theme.kDone
                font.pixelSize: Theme.body
                font.weight: Font.Bold
            }
        }

        Repeater {
            model: ticket.compact ? [] : items
            // A line: quantity and dish, then each option and the line's note under it.
            delegate: ColumnLayout {
                id: lineBox
                readonly property var line: modelData
                Layout.fillWidth: true
                spacing: 2
                opacity: ticket.stationShown(line.station) ? 1.0 : 0.4
                RowLayout {
                    Layout.fillWidth: true
                    spacing: 12
                    Text {
                        textFormat: Text.PlainText
                        text: lineBox.line.quantity + "×"
                        color: lineBox.line.quantity > 1 ? Theme.kLate : Theme.kText
                        font.pixelSize: 28
                        font.weight: Font.Black
                        Layout.preferredWidth: 56
                    }
                    Text {
                        textFormat: Text.PlainText
                        text: lineBox.line.name
                        color: Theme.kText
                        font.pixelSize: 27
                        font.weight: Font.DemiBold
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    Text {
                        textFormat: Text.PlainText
                        visible: !ticket.stationShown(lineBox.line.station)
                        text: lineBox.line.station || ""
                        color: Theme.kTextMuted
                        font.pixelSize: Theme.small
                    }
                }
                Repeater {
                    model: lineBox.line.options || []
                    delegate: Rectangle {
                        readonly property bool removal: kitchen.isRemovalOption(modelData.name, modelData.price_delta || 0)
                        Layout.fillWidth: true
                        Layout.leftMargin: 68
                        Layout.preferredHeight: optionText.implicitHeight + (removal ? 8 : 0)
                        radius: 6
                        color: removal ? "#5A1F1E" : "transparent"
                        border.width: removal ? 2 : 0
                        border.color: Theme.kVeryLate
                        Text {
                            id: optionText
                            objectName: "ticketOption-" + orderId + "-" + modelData.id
                            textFormat: Text.PlainText
                            anchors.left: parent.left
                            anchors.right: parent.right
                            anchors.verticalCenter: parent.verticalCenter
                            anchors.leftMargin: parent.removal ? 8 : 0
                            text: (parent.removal ? "✕ " : "+ ") + modelData.name
                            color: parent.removal ? "#FFD2D0" : Theme.kText
                            font.pixelSize: parent.removal ? 24 : 22
                            font.weight: parent.removal ? Font.Black : Font.Normal
                            elide: Text.ElideRight
                        }
                    }
                }
                Text {
                    objectName: "lineNote-" + orderId + "-" + index
                    textFormat: Text.PlainText
                    visible: (lineBox.line.note || "").length > 0
                    text: "✎ " + (lineBox.line.note || "")
                    color: Theme.kLate
                    font.pixelSize: 22
                    font.weight: Font.DemiBold
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                    Layout.leftMargin: 68
                }
            }
        }
        Text {
            textFormat: Text.PlainText
            visible: ticket.compact
            text: {
                let parts = []
                for (let i = 0; i < items.length; ++i) {
                    const options = (items[i].options || []).map(o => o.name)
                    if ((items[i].note || "").length > 0)
                        options.push("✎ " + items[i].note)
                    parts.push(items[i].quantity + "× " + items[i].name
                               + (options.length > 0 ? " (" + options.join(", ") + ")" : ""))
                }
                return parts.join(", ")
            }
            color: Theme.kTextMuted
            font.pixelSize: Theme.body
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Rectangle {
            visible: note.length > 0 && !ticket.compact
            Layout.fillWidth: true
            implicitHeight: noteText.implicitHeight + 16
            radius: 8
            color: "#3D3418"
            border.width: 1
            border.color: Theme.kLate
            Text {
                id: noteText
                objectName: "note-" + orderId
                textFormat: Text.PlainText
                anchors.fill: parent
                anchors.margins: 8
                text: "✎ " + note
                color: Theme.kLate
                font.pixelSize: Theme.body + 2
                font.weight: Font.DemiBold
                wrapMode: Text.WordWrap
            }
        }
        TouchButton {
            objectName: "advance-" + orderId
            visible: ticket.active
            Layout.fillWidth: true
            Layout.preferredHeight: 68
            fontSize: Theme.title
            variant: "dark"
            tint: status === "pending" ? Theme.kNew : Theme.kDone
            text: status === "pending" ? qsTr("Start ▶") : qsTr("Done ✓")
            onClicked: kitchen.advance(orderId)
        }
    }
}
