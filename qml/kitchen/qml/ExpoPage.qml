import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui

// The expo (the pass): every open order with each station's progress. Ready orders
// ("준비 완료": every line done) come first with a button for the runner; served orders leave.
Item {
    id: expo
    objectName: "expoPage"
    property double now: Date.now()
    Timer { interval: 10000; running: true; repeat: true; onTriggered: expo.now = Date.now() }
    Component.onCompleted: kitchen.expo.refresh()
    onVisibleChanged: if (visible) kitchen.expo.refresh()

    function stationLabel(name) {
        switch (name) {
        case "kitchen": return qsTr("Kitchen")
        case "bar": return qsTr("Bar")
        case "dessert": return qsTr("Dessert")
        }
        return name
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 10

        RowLayout {
            Layout.fillWidth: true
            spacing: 16
            Text {
                objectName: "expoReadyCount"
                textFormat: Text.PlainText
                text: qsTr("Ready: %1").arg(kitchen.expo.readyCount)
                color: Theme.kDone
                font.pixelSize: Theme.title
                font.weight: Font.Black
            }
            Text {
                textFormat: Text.PlainText
                text: qsTr("Cooking: %1").arg(kitchen.expo.orders.length - kitchen.expo.readyCount)
                color: Theme.kTextMuted
                font.pixelSize: Theme.title
                font.weight: Font.Bold
            }
            Item { Layout.fillWidth: true }
        }

        Flickable {
            // Cards as tall as their content, wrapping left to right: nothing elided.
            id: grid
            objectName: "expoGrid"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentHeight: flow.implicitHeight
            readonly property int columns: Math.max(1, Math.floor(width / 340))
            readonly property real cellWidth: width / columns
            Flow {
                id: flow
                width: grid.width
                Repeater {
                    model: kitchen.expo.orders
                    delegate: Item {
                        width: grid.cellWidth
                        height: card.implicitHeight + 12
                        Rectangle {
                            id: card
                            objectName: "expo-" + modelData.id
                            readonly property real orderId: modelData.id
                            readonly property int ageMinutes: Math.max(0, Math.floor((expo.now - modelData.createdMs) / 60000))
                            x: 6
                            y: 6
                            width: parent.width - 12
                            implicitHeight: cardContent.implicitHeight + 24
                            height: implicitHeight
                            radius: 12
                            color: Theme.kCard
                            border.width: modelData.ready ? 4 : 1
                            border.color: modelData.ready ? Theme.kDone : Theme.kLine

                            ColumnLayout {
                                id: cardContent
                                anchors.left: parent.left
                                anchors.right: parent.right
                                anchors.top: parent.top
                                anchors.margins: 12
                                spacing: 8
                                RowLayout {
                                    Layout.fillWidth: true
                                    spacing: 8
                                    Rectangle {
                                        Layout.preferredHeight: 46
                                        Layout.preferredWidth: tableText.implicitWidth + 20
                                        radius: 8
                                        color: "#E9ECEF"
                                        Text {
                                            id: tableText
                                            textFormat: Text.PlainText
                                            anchors.centerIn: parent
                                            text: qsTr("T%1").arg(modelData.tableNumber)
                                            color: "#101214"
                                            font.pixelSize: 28
                                            font.weight: Font.Black
                                        }
                                    }
                                    Text {
                                        textFormat: Text.PlainText
                                        text: "#" + modelData.number
                                        color: Theme.kText
                                        font.pixelSize: 24
                                        font.weight: Font.Bold
                                        Layout.fillWidth: true
                                    }
                                    Text {
                                        textFormat: Text.PlainText
                                        text: qsTr("%1 min").arg(card.ageMinutes)
                                        color: card.ageMinutes >= kitchen.board.veryLateMinutes ? Theme.kVeryLate
                                             : card.ageMinutes >= kitchen.board.lateMinutes ? Theme.kLate : Theme.kTextMuted
                                        font.pixelSize: 22
                                        font.weight: Font.Bold
                                    }
                                }
                                Rectangle {
                                    objectName: "expoStatus-" + modelData.id
                                    Layout.fillWidth: true
                                    Layout.preferredHeight: 38
                                    radius: 8
                                    color: modelData.ready ? Theme.kDone : Theme.kCardAlt
                                    Text {
                                        objectName: "expoStatusText-" + modelData.id
                                        textFormat: Text.PlainText
                                        anchors.centerIn: parent
                                        text: modelData.ready ? qsTr("Ready") : modelData.status === "pending" ? qsTr("Not started") : qsTr("Cooking")
                                        color: modelData.ready ? "#101214" : Theme.kText
                                        font.pixelSize: 24
                                        font.weight: Font.Black
                                    }
                                }
                                // Each station: lines done / lines of the station.
                                Repeater {
                                    model: modelData.stations
                                    delegate: RowLayout {
                                        Layout.fillWidth: true
                                        spacing: 8
                                        Text {
                                            textFormat: Text.PlainText
                                            text: expo.stationLabel(modelData.name)
                                            color: Theme.kText
                                            font.pixelSize: 22
                                            Layout.preferredWidth: 90
                                            elide: Text.ElideRight
                                        }
                                        Rectangle {
                                            Layout.fillWidth: true
                                            Layout.preferredHeight: 14
                                            radius: 7
                                            color: Theme.kCardAlt
                                            Rectangle {
                                                width: parent.width * (modelData.total > 0 ? modelData.done / modelData.total : 0)
                                                height: parent.height
                                                radius: 7
                                                color: modelData.done === modelData.total ? Theme.kDone : Theme.kPreparing
                                            }
                                        }
                                        Text {
                                            objectName: "expoProgress-" + card.orderId + "-" + modelData.name
                                            textFormat: Text.PlainText
                                            text: modelData.done + "/" + modelData.total
                                            color: modelData.done === modelData.total ? Theme.kDone : Theme.kText
                                            font.pixelSize: 22
                                            font.weight: Font.Bold
                                        }
                                    }
                                }
                                Text {
                                    textFormat: Text.PlainText
                                    Layout.fillWidth: true
                                    text: modelData.lines.map(l => (l.done ? "✓ " : "· ") + l.quantity + "× " + l.name).join("\n")
                                    color: Theme.kTextMuted
                                    font.pixelSize: 19
                                    wrapMode: Text.WordWrap
                                }
                                TouchButton {
                                    objectName: "serve-" + modelData.id
                                    visible: modelData.ready
                                    Layout.fillWidth: true
                                    Layout.preferredHeight: 52
                                    variant: "dark"
                                    tint: Theme.kDone
                                    textColor: "#101214"
                                    text: qsTr("Served ✓")
                                    fontSize: 24
                                    onClicked: kitchen.expo.markServed(modelData.id)
                                }
                            }
                        }
                    }
                }
            }
            Text {
                textFormat: Text.PlainText
                anchors.centerIn: parent
                visible: kitchen.expo.orders.length === 0
                text: qsTr("No open orders")
                color: Theme.kTextMuted
                font.pixelSize: Theme.title
                opacity: 0.6
            }
        }
    }
}
