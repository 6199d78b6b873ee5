import QtQuick
import QtQuick.Layouts
import TableOrder.Ui

// A cart line: name and price, and - / + buttons a thumb can hit.
Rectangle {
    id: line
    property bool editable: true
    implicitHeight: 96
    radius: 12
    color: available ? Theme.surface : Theme.dangerSoft
    border.width: 1
    border.color: available ? Theme.line : Theme.danger

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 16
        anchors.rightMargin: 10
        spacing: 8
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            Text {
                textFormat: Text.PlainText
                text: name
                font.pixelSize: Theme.body + 1
                font.weight: Font.DemiBold
                color: Theme.text
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Text {
                textFormat: Text.PlainText
                text: available ? lineTotalText : qsTr("Sold out. Please remove it.")
                font.pixelSize: Theme.small + 1
                font.weight: available ? Font.Normal : Font.DemiBold
                color: available ? Theme.textMuted : Theme.danger
                Layout.fillWidth: true
                elide: Text.ElideRight
            }
        }
        StepperButton {
            visible: line.editable
            objectName: "cartMinus-" + itemId
            symbol: "−"
            onClicked: tablet.cart.decrement(itemId)
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
            onClicked: tablet.cart.increment(itemId)
        }
    }
}
