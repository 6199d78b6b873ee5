import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui

// Weekly selling hours: windows of days and from/to times in the store's time zone.
ColumnLayout {
    id: box
    property var hours: null
    property int revision: 0
    spacing: 8

    function dayName(d) {
        return [qsTr("Mon"), qsTr("Tue"), qsTr("Wed"), qsTr("Thu"), qsTr("Fri"), qsTr("Sat"), qsTr("Sun")][d - 1]
    }

    Text {
        textFormat: Text.PlainText
        visible: !box.hours || box.hours.length === 0
        text: qsTr("Sold at all hours.")
        color: Theme.kTextMuted
        font.pixelSize: Theme.small
    }
    Repeater {
        model: { box.revision; return box.hours ? box.hours.length : 0 }
        delegate: RowLayout {
            id: windowRow
            required property int index
            readonly property var window: box.hours[index]
            Layout.fillWidth: true
            spacing: 4
            Repeater {
                model: [1, 2, 3, 4, 5, 6, 7]
                delegate: EditorChip {
                    required property int modelData
                    objectName: "hoursDay-" + windowRow.index + "-" + modelData
                    implicitWidth: 46
                    on: { box.revision; return windowRow.window.days.indexOf(modelData) >= 0 }
                    text: box.dayName(modelData)
                    onClicked: {
                        const days = windowRow.window.days
                        const at = days.indexOf(modelData)
                        if (at >= 0) days.splice(at, 1); else days.push(modelData)
                        box.revision++
                    }
                }
            }
            EditorField {
                objectName: "hoursFrom-" + windowRow.index
                Layout.preferredWidth: 92
                text: windowRow.window.from
                inputMethodHints: Qt.ImhPreferNumbers
                onTextChanged: windowRow.window.from = text
            }
            Text { textFormat: Text.PlainText; text: "~"; color: Theme.kText; font.pixelSize: Theme.body }
            EditorField {
                objectName: "hoursTo-" + windowRow.index
                Layout.preferredWidth: 92
                text: windowRow.window.to
                inputMethodHints: Qt.ImhPreferNumbers
                onTextChanged: windowRow.window.to = text
            }
            TouchButton {
                objectName: "hoursRemove-" + windowRow.index
                variant: "dark"
                implicitHeight: 44
                implicitWidth: 44
                text: "✕"
                onClicked: { box.hours.splice(windowRow.index, 1); box.revision++ }
            }
        }
    }
    RowLayout {
        spacing: 12
        TouchButton {
            objectName: "addHoursButton"
            variant: "dark"
            implicitHeight: 44
            text: qsTr("+ Add a time window")
            fontSize: Theme.small
            onClicked: { box.hours.push({ days: [1, 2, 3, 4, 5], from: "11:00", to: "14:00" }); box.revision++ }
        }
        Text {
            textFormat: Text.PlainText
            text: qsTr("An end before the start runs past midnight.")
            color: Theme.kTextMuted
            font.pixelSize: Theme.small - 2
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
        }
    }
}
