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
            Text { textFormat: Text.PlainText; objectName: "allDayTotal"; text: kitchen.allDay.totalItems; color: Theme.kPreparing; font.pixelSize: Theme.title; font.weight: Font.Black }
        }
        Rectangle { Layout.fillWidth: true; height: 1; color: Theme.kLine }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 4
            model: kitchen.allDay
            delegate: RowLayout {
                width: list.width
                height: 48
                Text { textFormat: Text.PlainText; text: quantity; color: Theme.kPreparing; font.pixelSize: 28; font.weight: Font.Black; Layout.preferredWidth: 48 }
                Text { textFormat: Text.PlainText; text: name; color: Theme.kText; font.pixelSize: Theme.body + 2; elide: Text.ElideRight; Layout.fillWidth: true }
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
