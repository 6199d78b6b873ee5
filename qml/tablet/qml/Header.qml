import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui

Rectangle {
    id: header
    signal ordersClicked()
    signal callClicked()
    /// Narrow (portrait): the language switch folds into one button so the store's name has
    /// the room.
    property bool compact: false
    implicitHeight: 84
    color: Theme.ink

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 24
        anchors.rightMargin: 16
        spacing: 14

        // Staff: hold the table badge for 3 seconds to set the tablet up again.
        Rectangle {
            objectName: "tableBadge"
            Layout.preferredHeight: 56
            Layout.preferredWidth: tableText.implicitWidth + 36
            radius: 12
            color: Theme.accent
            Text {
                id: tableText
                textFormat: Text.PlainText
                anchors.centerIn: parent
                text: qsTr("Table %1").arg(tablet.tableNumber)
                color: "white"
                font.pixelSize: Theme.title
                font.weight: Font.Bold
            }
            MouseArea {
                anchors.fill: parent
                pressAndHoldInterval: 3000
                onPressAndHold: staffDialog.open()
            }
        }
        // The store's name is never cut: it wraps onto a second line and shrinks to fit
        // (portrait leaves it little room beside the buttons).
        Text {
            objectName: "storeName"
            textFormat: Text.PlainText
            text: tablet.storeName
            color: "white"
            font.pixelSize: Theme.title
            font.weight: Font.DemiBold
            wrapMode: Text.Wrap
            fontSizeMode: Text.Fit // shrinks until the wrapped lines fit the header's height
            minimumPixelSize: 12
            verticalAlignment: Text.AlignVCenter
            lineHeight: 0.95
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.topMargin: 6
            Layout.bottomMargin: 6
        }
        Pill {
            objectName: "connectionPill"
            tint: tablet.online ? "#2E7D4F" : Theme.danger
            text: tablet.online ? qsTr("● Connected") : qsTr("● Offline")
            fontSize: Theme.small
            Layout.preferredHeight: 36
        }
        LanguageSwitch { objectName: "languageSwitch"; compact: header.compact }
        TouchButton {
            objectName: "phoneButton"
            visible: !header.compact
            variant: "dark"
            tint: "#3A332C"
            text: qsTr("Phone")
            onClicked: phoneDialog.open()
        }
        // Portrait has it in the bar at the bottom, where the header has no room.
        CallButton { visible: !header.compact; onChooserRequested: header.callClicked() }
        TouchButton {
            objectName: "ordersButton"
            variant: "dark"
            tint: "#3A332C"
            text: tablet.orders.count > 0 ? qsTr("My orders (%1)").arg(tablet.orders.count) : qsTr("My orders")
            onClicked: header.ordersClicked()
        }
    }

    PhoneDialog { id: phoneDialog }

    Dialog {
        id: staffDialog
        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
        width: 520
        padding: 32
        background: Rectangle { radius: 20; color: Theme.surface }
        contentItem: ColumnLayout {
            spacing: 20
            Text {
                textFormat: Text.PlainText
                text: qsTr("Staff: set this tablet up again?")
                font.pixelSize: Theme.title
                font.weight: Font.Bold
                color: Theme.text
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Text {
                textFormat: Text.PlainText
                text: qsTr("The tablet forgets its table login and shows the setup screen.")
                font.pixelSize: Theme.body
                color: Theme.textMuted
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            RowLayout {
                spacing: 16
                TouchButton { text: qsTr("Cancel"); variant: "secondary"; Layout.fillWidth: true; onClicked: staffDialog.close() }
                TouchButton { text: qsTr("Set up again"); variant: "danger"; Layout.fillWidth: true
                    onClicked: { staffDialog.close(); tablet.resetSetup() } }
            }
        }
    }
}
