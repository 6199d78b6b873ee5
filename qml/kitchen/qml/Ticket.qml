import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui

// One order on the rush board, as wide as the board's column and as tall as its content: the
// bump bar's number, table and order number, its age in minutes (yellow after lateMinutes,
// red after veryLateMinutes), the lines in big type (a tap on a line bumps that line; a done
// line is struck through), the guests' note, and one button to bump the ticket. A station
// screen shows only its stations' lines.
Rectangle {
    id: ticket
    objectName: "ticket-" + orderId
    property double now
    readonly property real ticketId: orderId
    /// 1-9: the bump bar's key for this ticket on the current page (0: none).
    property int keyNumber: 0
    property bool selected: false
    readonly property int ageMinutes: Math.max(0, Math.floor((now - createdMs) / 60000))
    readonly property bool active: status === "pending" || status === "preparing"
    readonly property bool late: active && ageMinutes >= kitchen.board.lateMinutes
    readonly property bool veryLate: active && ageMinutes >= kitchen.board.veryLateMinutes
    readonly property color ageColor: veryLate ? Theme.kVeryLate : late ? Theme.kLate : Theme.kCardAlt
    readonly property bool stationScreen: kitchen.board.stations.length > 0

    implicitHeight: content.implicitHeight + 20
    radius: 12
    color: Theme.kCard
    border.width: selected ? 5 : veryLate ? 4 : late ? 3 : (marked ? 3 : 1)
    border.color: selected ? "#8AB4F8" : veryLate ? Theme.kVeryLate : late ? Theme.kLate : (marked ? "#8AB4F8" : Theme.kLine)

    // The delivery receipt: this order is on a kitchen screen now.
    Component.onCompleted: kitchen.board.acknowledgeShown(orderId)

    MouseArea {
        // A tap on the ticket's empty parts selects it (as its number key does).
        anchors.fill: parent
        onClicked: kitchen.board.select(orderId)
    }

    ColumnLayout {
        id: content
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: 10
        spacing: 4

        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            Rectangle {
                objectName: "key-" + orderId
                visible: ticket.keyNumber > 0
                Layout.preferredHeight: 44
                Layout.preferredWidth: 44
                radius: 8
                color: ticket.selected ? "#8AB4F8" : "#F1F3F5"
                Text {
                    textFormat: Text.PlainText
                    anchors.centerIn: parent
                    text: ticket.keyNumber
                    color: "#101214"
                    font.pixelSize: 34
                    font.weight: Font.Black
                }
            }
            Rectangle {
                Layout.preferredHeight: 44
                Layout.preferredWidth: tableLabel.implicitWidth + 20
                radius: 8
                color: "#E9ECEF"
                Text {
                    id: tableLabel
                    textFormat: Text.PlainText
                    anchors.centerIn: parent
                    text: qsTr("T%1").arg(tableNumber)
                    color: "#101214"
                    font.pixelSize: 28
                    font.weight: Font.Black
                }
            }
            Text {
                textFormat: Text.PlainText
                text: "#" + number
                color: Theme.kText
                font.pixelSize: 24
                font.weight: Font.Bold
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Rectangle {
                visible: ticket.active
                Layout.preferredHeight: 40
                Layout.preferredWidth: ageLabel.implicitWidth + 20
                radius: 20
                color: ticket.ageColor
                Text {
                    id: ageLabel
                    objectName: "age-" + orderId
                    textFormat: Text.PlainText
                    anchors.centerIn: parent
                    // Elapsed minutes, never mm:ss: beside the clock a "12:16" reads as a time of day.
                    text: qsTr("%1 min").arg(ticket.ageMinutes)
                    color: ticket.late ? "#101214" : Theme.kText
                    font.pixelSize: 24
                    font.weight: Font.Bold
                }
                SequentialAnimation on opacity {
                    running: ticket.veryLate
                    loops: Animation.Infinite
                    NumberAnimation { to: 0.55; duration: 600 }
                    NumberAnimation { to: 1; duration: 600 }
                }
            }
        }

        Repeater {
            model: items
            // A line: quantity and dish, then each option and the line's note under it. A tap
            // bumps the line; a station screen shows only its own lines.
            delegate: ColumnLayout {
                id: lineBox
                readonly property var line: modelData
                readonly property bool done: (line.done_at || "").length > 0
                objectName: "line-" + orderId + "-" + index
                visible: kitchen.board.stations.length === 0 || kitchen.board.stations.indexOf(line.station || "kitchen") >= 0
                Layout.fillWidth: true
                spacing: 0
                opacity: done ? 0.45 : 1.0
                RowLayout {
                    Layout.fillWidth: true
                    spacing: 8
                    Text {
                        textFormat: Text.PlainText
                        text: lineBox.line.quantity + "×"
                        color: lineBox.line.quantity > 1 ? Theme.kLate : Theme.kText
                        font.pixelSize: 24
                        font.weight: Font.Black
                        font.strikeout: lineBox.done
                        lineHeight: 0.9
                        Layout.preferredWidth: 42
                    }
                    Text {
                        objectName: "lineName-" + orderId + "-" + index
                        textFormat: Text.PlainText
                        text: lineBox.line.name
                        color: Theme.kText
                        font.pixelSize: 24
                        font.weight: Font.DemiBold
                        font.strikeout: lineBox.done
                        lineHeight: 0.9
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    Text {
                        textFormat: Text.PlainText
                        visible: lineBox.done
                        text: "✓"
                        color: Theme.kDone
                        font.pixelSize: 25
                        font.weight: Font.Black
                    }
                }
                Repeater {
                    model: lineBox.line.options || []
                    delegate: Rectangle {
                        readonly property bool removal: kitchen.board.isRemovalOption(modelData.name, modelData.price_delta || 0)
                        Layout.fillWidth: true
                        Layout.leftMargin: 52
                        Layout.preferredHeight: optionText.implicitHeight + (removal ? 6 : 0)
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
                            anchors.leftMargin: parent.removal ? 6 : 0
                            text: (parent.removal ? "✕ " : "+ ") + modelData.name
                            color: parent.removal ? "#FFD2D0" : Theme.kText
                            font.pixelSize: parent.removal ? 22 : 20
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
                    font.pixelSize: 20
                    font.weight: Font.DemiBold
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                    Layout.leftMargin: 52
                }
                TapHandler {
                    enabled: ticket.active && !lineBox.done && lineBox.line.id !== undefined
                    onTapped: kitchen.board.bumpLine(orderId, lineBox.line.id)
                }
            }
        }
        Rectangle {
            visible: note.length > 0
            Layout.fillWidth: true
            implicitHeight: noteText.implicitHeight + 12
            radius: 8
            color: "#3D3418"
            border.width: 1
            border.color: Theme.kLate
            Text {
                id: noteText
                objectName: "note-" + orderId
                textFormat: Text.PlainText
                anchors.fill: parent
                anchors.margins: 6
                text: "✎ " + note
                color: Theme.kLate
                font.pixelSize: 21
                font.weight: Font.DemiBold
                wrapMode: Text.WordWrap
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: 6
            visible: ticket.active
            TouchButton {
                objectName: "advance-" + orderId
                Layout.fillWidth: true
                Layout.preferredHeight: 46
                fontSize: 22
                variant: "dark"
                tint: status === "pending" && !ticket.stationScreen ? Theme.kNew : Theme.kDone
                text: status === "pending" && !ticket.stationScreen ? qsTr("Start ▶") : qsTr("Done ✓")
                onClicked: kitchen.board.advance(orderId)
            }
            // A ticket lost in the printer (jammed, torn, wet) prints again, marked 재출력.
            TouchButton {
                objectName: "reprint-" + orderId
                visible: kitchen.printers.printers.length > 0
                Layout.preferredHeight: 46
                Layout.preferredWidth: 92
                fontSize: 18
                variant: "dark"
                text: qsTr("Reprint")
                onClicked: kitchen.printers.reprint(orderId)
            }
        }
    }
}
