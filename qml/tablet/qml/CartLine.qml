import QtQuick
import QtQuick.Layouts
import TableOrder.Ui
import TableOrder.Client

// A cart line: name, the options chosen and the note under it, the price, and - / + buttons
// a thumb can hit. A line that cannot be ordered says why.
Rectangle {
    id: line
    property bool editable: true
    property bool compact: false
    readonly property int row: index
    implicitHeight: Math.max(compact ? 72 : 96, texts.implicitHeight + (compact ? 16 : 28))
    radius: 12
    color: available ? Theme.surface : Theme.dangerSoft
    border.width: 1
    border.color: available ? Theme.line : Theme.danger

    function problemText(problem) {
        switch (problem) {
        case CartModel.SoldOut: return qsTr("Sold out. Please remove it.")
        case CartModel.Hours: return qsTr("Not served at this time. Please remove it.")
        case CartModel.OptionUnavailable: return qsTr("A choice ran out. Please remove it and choose again.")
        case CartModel.Options: return qsTr("The choices changed. Please remove it and choose again.")
        }
        return ""
    }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 16
        anchors.rightMargin: 10
        spacing: 8
        ColumnLayout {
            id: texts
            Layout.fillWidth: true
            spacing: 2
            Text {
                textFormat: Text.PlainText
                text: name
                font.pixelSize: Theme.body + 1
                font.weight: Font.DemiBold
                color: Theme.text
                fontSizeMode: Text.HorizontalFit
                minimumPixelSize: 15
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Text {
                objectName: "cartOptions-" + line.row
                textFormat: Text.PlainText
                visible: optionsText.length > 0
                text: optionsText
                font.pixelSize: Theme.small
                color: Theme.text
                wrapMode: Text.WordWrap
                maximumLineCount: line.compact ? 1 : 3
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Text {
                objectName: "cartNote-" + line.row
                textFormat: Text.PlainText
                visible: lineNote.length > 0
                text: "✎ " + lineNote
                font.pixelSize: Theme.small
                font.italic: true
                color: Theme.accentDark
                wrapMode: Text.WordWrap
                maximumLineCount: line.compact ? 1 : 3
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Text {
                textFormat: Text.PlainText
                text: available ? lineTotalText : line.problemText(problem)
                font.pixelSize: Theme.small + 1
                font.weight: available ? Font.Normal : Font.DemiBold
                color: available ? Theme.textMuted : Theme.danger
                Layout.fillWidth: true
                wrapMode: available ? Text.NoWrap : Text.WordWrap
                elide: Text.ElideRight
            }
        }
        StepperButton {
            visible: line.editable
            objectName: "cartMinus-" + itemId
            symbol: "−"
            onClicked: tablet.cart.decrementRow(line.row)
        }
        Text {
            textFormat: Text.PlainText
            objectName: "cartQuantity-" + itemId
            text: line.editable ? quantity : "× " + quantity
            font.pixelSize: Theme.title
            font.weight: Font.Bold
            color: Theme.text
            horizontalAlignment: Text.AlignHCenter
            Layout.preferredWidth: 44
        }
        StepperButton {
            visible: line.editable
            objectName: "cartPlus-" + itemId
            symbol: "+"
            enabled: available
            onClicked: tablet.cart.incrementRow(line.row)
        }
    }
}
