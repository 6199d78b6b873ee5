import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui

Rectangle {
    id: column
    property string title
    property color tint
    property var tickets
    property double now
    property bool compact: false
    property int flashSerial: 0
    color: Theme.kPanel
    radius: 16

    onFlashSerialChanged: if (flashSerial > 0) flash.restart()

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 10
        spacing: 10
        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: 56
            radius: 12
            color: column.tint
            Rectangle {
                id: flashOverlay
                anchors.fill: parent
                radius: 12
                color: "white"
                opacity: 0
                SequentialAnimation {
                    id: flash
                    loops: 3
                    NumberAnimation { target: flashOverlay; property: "opacity"; to: 0.8; duration: 160 }
                    NumberAnimation { target: flashOverlay; property: "opacity"; to: 0; duration: 260 }
                }
            }
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: 18
                anchors.rightMargin: 18
                Text { textFormat: Text.PlainText; text: column.title; color: "#101214"; font.pixelSize: Theme.title; font.weight: Font.Bold; Layout.fillWidth: true }
                Text {
                    textFormat: Text.PlainText
                    objectName: column.objectName + "-count"
                    text: column.tickets ? column.tickets.count : 0
                    color: "#101214"
                    font.pixelSize: Theme.headline
                    font.weight: Font.Black
                }
            }
        }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 10
            model: column.tickets
            cacheBuffer: 2000
            delegate: Ticket {
                width: list.width
                now: column.now
                compact: column.compact
            }
            add: Transition { NumberAnimation { property: "opacity"; from: 0; to: 1; duration: 250 } }
            displaced: Transition { NumberAnimation { properties: "y"; duration: 200 } }
            Text {
                textFormat: Text.PlainText
                anchors.centerIn: parent
                visible: list.count === 0
                text: qsTr("No tickets")
                color: Theme.kTextMuted
                font.pixelSize: Theme.title
                opacity: 0.6
            }
        }
    }
}
