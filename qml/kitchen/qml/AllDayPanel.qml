import QtQuick
import QtQuick.Layouts
import TableOrder.Ui

// All day: how many of each dish are in progress right now.
Rectangle {
    objectName: "allDay"
    color: Theme.kPanel
    radius: 16

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 14
        spacing: 8
        RowLayout {
            Layout.fillWidth: true
            Text { textFormat: Text.PlainText; text: qsTr("All day"); color: Theme.kText; font.pixelSize: Theme.title; font.weight: Font.Bold; Layout.fillWidth: true }
            Text { textFormat: Text.PlainText; objectName: "allDayTotal"; text: kitchen.board.allDay.totalItems; color: Theme.kPreparing; font.pixelSize: Theme.title; font.weight: Font.Black }
        }
        Rectangle { Layout.fillWidth: true; height: 1; color: Theme.kLine }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 4
            model: kitchen.board.allDay
            // An item, then its options indented under it.
            delegate: RowLayout {
                width: list.width
                height: isOption ? 34 : 48
                Item { visible: isOption; Layout.preferredWidth: 20 }
                Text { textFormat: Text.PlainText; text: quantity; color: isOption ? Theme.kTextMuted : Theme.kPreparing; font.pixelSize: isOption ? Theme.body : 28; font.weight: Font.Black; Layout.preferredWidth: isOption ? 36 : 48 }
                Text {
                    textFormat: Text.PlainText
                    text: isOption ? (removal ? "✕ " : "+ ") + name : name
                    color: removal ? Theme.kVeryLate : isOption ? Theme.kTextMuted : Theme.kText
                    font.pixelSize: isOption ? Theme.body - 2 : Theme.body + 2
                    font.weight: removal ? Font.Bold : Font.Normal
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
            }
            Text {
                textFormat: Text.PlainText
                anchors.centerIn: parent
                visible: list.count === 0
                text: qsTr("Nothing cooking")
                color: Theme.kTextMuted
                font.pixelSize: Theme.body
            }
        }
    }
}
