import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui
import TableOrder.Client

// The guests' screen: categories, pictures and prices, the cart, the order and its status.
Item {
    id: screen
    objectName: "menuScreen"
    property bool portrait: false

    function openOrders() { ordersSheet.open() }
    function openBill() { billSheet.open() }
    function openCall() { callDialog.open() }
    function openCart() { if (portrait) cartSheet.open(); else confirmDialog.open() }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Header {
            Layout.fillWidth: true
            compact: screen.portrait
            onOrdersClicked: ordersSheet.open()
            onCallClicked: callDialog.open()
        }
        ConnectionBanner { Layout.fillWidth: true }
        CallStatusBar { Layout.fillWidth: true }

        CategoryBar {
            visible: screen.portrait
            horizontal: true
            Layout.fillWidth: true
            Layout.preferredHeight: 80
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            CategoryBar {
                visible: !screen.portrait
                Layout.preferredWidth: 184
                Layout.fillHeight: true
            }
            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: 0
                FilterBar {
                    Layout.fillWidth: true
                    onFilterClicked: allergenFilter.open()
                }
                MenuGrid {
                    id: grid
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                }
            }
            CartPanel {
                visible: !screen.portrait
                Layout.preferredWidth: 356
                Layout.fillHeight: true
                onOrderClicked: confirmDialog.open()
            }
        }
        CartBar {
            visible: screen.portrait
            Layout.fillWidth: true
            onOpenClicked: cartSheet.open()
            onCallClicked: callDialog.open()
        }
    }

    Rectangle {
        anchors.fill: parent
        color: Theme.background
        visible: !tablet.menuReady
        Column {
            anchors.centerIn: parent
            spacing: 20
            BusyIndicator { anchors.horizontalCenter: parent.horizontalCenter; running: parent.visible }
            Text {
                textFormat: Text.PlainText
                anchors.horizontalCenter: parent.horizontalCenter
                text: qsTr("Loading the menu…")
                font.pixelSize: Theme.title
                color: Theme.textMuted
            }
        }
    }

    CartSheet {
        id: cartSheet
        onOrderClicked: { cartSheet.close(); confirmDialog.open() }
    }
    OrderDialog { id: confirmDialog }
    OptionSheet { id: optionSheet }
    AllergenFilter { id: allergenFilter }
    OrdersSheet { id: ordersSheet; onBillClicked: { ordersSheet.close(); billSheet.open() } }
    BillSheet { id: billSheet }
    CallDialog { id: callDialog }

    Connections {
        target: tablet
        // The order dialog says it itself; the toast is for an order that went through while
        // the dialog was closed (e.g. resent after a restart).
        function onItemSheetRequested() { optionSheet.open() }
        function onOrderAccepted(number) {
            if (!confirmDialog.opened)
                toast.show(qsTr("Order #%1 received. Thank you!").arg(number))
        }
    }
    Toast { id: toast }
}
