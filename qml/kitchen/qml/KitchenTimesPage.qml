import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui

// Manager: kitchen times today (주방 시간). From the order to each dish done, per dish and
// per station, p50 (half were out within it) and p90 (nine in ten), the slowest first; by
// day or by hour of the order.
Item {
    id: page
    objectName: "kitchenTimesPage"
    readonly property var times: kitchen.kitchenTimes
    Component.onCompleted: times.load()

    component TimeRow: Rectangle {
        property string label
        property string hour
        property string station
        property int count
        property string p50
        property string p90
        property bool header: false
        Layout.fillWidth: true
        implicitHeight: 48
        radius: 8
        color: header ? "transparent" : Theme.kCard
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 14
            anchors.rightMargin: 14
            spacing: 12
            Text { textFormat: Text.PlainText; visible: page.times.byHour; text: hour; color: Theme.kTextMuted; font.pixelSize: Theme.body; Layout.preferredWidth: 80 }
            Text { textFormat: Text.PlainText; text: label; color: Theme.kText; font.pixelSize: Theme.body; font.weight: header ? Font.Normal : Font.Bold; elide: Text.ElideRight; Layout.fillWidth: true }
            Text { textFormat: Text.PlainText; text: station; color: Theme.kTextMuted; font.pixelSize: Theme.body; Layout.preferredWidth: 120 }
            Text { textFormat: Text.PlainText; text: header ? qsTr("Dishes") : count; color: Theme.kTextMuted; font.pixelSize: Theme.body; horizontalAlignment: Text.AlignRight; Layout.preferredWidth: 80 }
            Text { textFormat: Text.PlainText; text: p50; color: Theme.kText; font.pixelSize: Theme.body; horizontalAlignment: Text.AlignRight; Layout.preferredWidth: 130 }
            Text { textFormat: Text.PlainText; text: p90; color: header ? Theme.kTextMuted : Theme.kLate; font.pixelSize: Theme.body; font.weight: Font.Bold; horizontalAlignment: Text.AlignRight; Layout.preferredWidth: 130 }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 10
        RowLayout {
            Layout.fillWidth: true
            spacing: 10
            Text { textFormat: Text.PlainText; text: qsTr("Kitchen times today"); color: Theme.kText; font.pixelSize: Theme.headline; font.weight: Font.Bold; Layout.fillWidth: true }
            TouchButton { objectName: "timesByDay"; text: qsTr("Whole day"); variant: page.times.byHour ? "dark" : "primary"; onClicked: page.times.byHour = false }
            TouchButton { objectName: "timesByHour"; text: qsTr("By hour"); variant: page.times.byHour ? "primary" : "dark"; onClicked: page.times.byHour = true }
            TouchButton { objectName: "timesRefresh"; text: qsTr("Refresh"); variant: "dark"; onClicked: page.times.load() }
        }
        Text {
            textFormat: Text.PlainText
            text: page.times.error.length > 0 ? page.times.error
                  : qsTr("From the order to the dish done. p50: half were out within it; p90: nine in ten. Slowest first.")
            color: page.times.error.length > 0 ? Theme.kVeryLate : Theme.kTextMuted
            font.pixelSize: Theme.small + 2
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
        }
        ScrollView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            ColumnLayout {
                width: page.width - 24
                spacing: 6
                TimeRow { header: true; label: qsTr("Dish"); hour: qsTr("Hour"); station: qsTr("Station"); p50: "p50"; p90: "p90" }
                Repeater {
                    model: page.times.items
                    TimeRow {
                        objectName: "timesItem-" + index
                        label: modelData.name; hour: modelData.hourText; station: modelData.station
                        count: modelData.count; p50: modelData.p50Text; p90: modelData.p90Text
                    }
                }
                Text {
                    textFormat: Text.PlainText
                    visible: page.times.loaded && page.times.items.length === 0
                    text: qsTr("No dish done yet today.")
                    color: Theme.kTextMuted
                    font.pixelSize: Theme.title
                }
                Text { textFormat: Text.PlainText; text: qsTr("By station"); color: Theme.kText; font.pixelSize: Theme.title; font.weight: Font.Bold; Layout.topMargin: 12 }
                Repeater {
                    model: page.times.stations
                    TimeRow {
                        objectName: "timesStation-" + index
                        label: modelData.station; hour: modelData.hourText; station: ""
                        count: modelData.count; p50: modelData.p50Text; p90: modelData.p90Text
                    }
                }
            }
        }
    }
}
