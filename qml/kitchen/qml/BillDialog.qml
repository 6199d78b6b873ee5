import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui

// A table's bill: every line with where it came from and when, voids struck through with who
// and why, discounts, payments, and what is still due; taking a payment; (manager) voids and
// discounts. One payment form is one attempt: tapping Pay twice, or again after a lost
// answer, sends the same payment id, so it is recorded once.
Popup {
    id: dialog
    objectName: "billDialog"
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: parent ? parent.width - 48 : 1200
    height: parent ? parent.height - 48 : 760
    modal: true
    padding: 20
    property string method: "card"
    property real shownDue: 0
    function resetAmount() { shownDue = Math.max(0, kitchen.bill.due); amount.text = String(shownDue) }
    function amountValue() { return parseInt(amount.text.replace(/[^0-9]/g, "")) || 0 }
    onAboutToShow: { kitchen.bill.clearError(); kitchen.bill.refresh(); kitchen.bill.beginPayment(); method = "card"; resetAmount() }
    Connections {
        target: kitchen.bill
        // The form starts at what is due until someone types another amount.
        function onBillChanged() {
            if (dialog.amountValue() === dialog.shownDue && kitchen.bill.due !== dialog.shownDue
                    && !kitchen.bill.paymentUncertain && !kitchen.bill.paymentRecorded)
                dialog.resetAmount()
        }
        function onVisitClosed() { dialog.close() }
    }
    background: Rectangle { radius: 20; color: Theme.kPanel; border.width: 1; border.color: Theme.kLine }

    contentItem: RowLayout {
        spacing: 16
        // The lines, discounts and payments
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 10
            RowLayout {
                Layout.fillWidth: true
                Text { textFormat: Text.PlainText; text: qsTr("Table %1 bill").arg(kitchen.bill.tableNumber); color: Theme.kText; font.pixelSize: Theme.headline; font.weight: Font.Bold; Layout.fillWidth: true }
                TouchButton { objectName: "billRefresh"; text: qsTr("Refresh"); variant: "dark"; onClicked: kitchen.bill.refresh() }
            }
            ListView {
                id: lineList
                objectName: "billLines"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: 6
                model: kitchen.bill.lines
                delegate: Rectangle {
                    objectName: "billLine-" + modelData.lineId
                    width: lineList.width
                    height: lineCol.implicitHeight + 16
                    radius: 10
                    color: modelData.voided ? Theme.kBackground : Theme.kCard
                    RowLayout {
                        anchors.fill: parent
                        anchors.margins: 8
                        anchors.leftMargin: 14
                        spacing: 10
                        ColumnLayout {
                            id: lineCol
                            Layout.fillWidth: true
                            spacing: 2
                            Text {
                                textFormat: Text.PlainText
                                text: "#" + modelData.orderNumber + "  " + modelData.name + " × " + modelData.quantity
                                      + (modelData.optionsText.length > 0 ? "  (" + modelData.optionsText + ")" : "")
                                color: modelData.voided ? Theme.kTextMuted : Theme.kText
                                font.pixelSize: Theme.body
                                font.weight: Font.DemiBold
                                font.strikeout: modelData.voided
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                            Text {
                                objectName: "billLineOrigin-" + modelData.lineId
                                textFormat: Text.PlainText
                                text: modelData.originText + (modelData.note.length > 0 ? "  · “" + modelData.note + "”" : "")
                                color: Theme.kTextMuted
                                font.pixelSize: Theme.small
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                            Text {
                                textFormat: Text.PlainText
                                visible: modelData.voided
                                text: modelData.voidText
                                color: Theme.kVeryLate
                                font.pixelSize: Theme.small
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                        }
                        Text {
                            textFormat: Text.PlainText
                            text: modelData.lineTotalText
                            color: modelData.voided ? Theme.kTextMuted : Theme.kText
                            font.pixelSize: Theme.body
                            font.weight: Font.Bold
                            font.strikeout: modelData.voided
                        }
                        TouchButton {
                            objectName: "voidLine-" + modelData.lineId
                            visible: kitchen.isManager && !modelData.voided
                            variant: "dark"
                            text: qsTr("Void")
                            fontSize: Theme.small + 2
                            onClicked: voidDialog.ask(modelData)
                        }
                    }
                }
                // Plain positioners here: a Layout in a footer that the ListView moves while
                // these Repeaters replace their rows crashed Qt 6.4 (stale layout items).
                footer: Column {
                    width: lineList.width
                    topPadding: 8
                    spacing: 4
                    Repeater {
                        model: kitchen.bill.discounts
                        delegate: Item {
                            width: lineList.width
                            height: 30
                            Text { anchors.left: parent.left; anchors.right: discountAmount.left; anchors.rightMargin: 12; anchors.verticalCenter: parent.verticalCenter; textFormat: Text.PlainText; text: qsTr("Discount: %1").arg(modelData.text); color: Theme.kLate; font.pixelSize: Theme.small + 2; elide: Text.ElideRight }
                            Text { id: discountAmount; anchors.right: parent.right; anchors.verticalCenter: parent.verticalCenter; textFormat: Text.PlainText; text: modelData.amountText; color: Theme.kLate; font.pixelSize: Theme.body; font.weight: Font.Bold }
                        }
                    }
                    Repeater {
                        model: kitchen.bill.payments
                        delegate: Item {
                            objectName: "billPayment-" + modelData.id
                            width: lineList.width
                            height: 30
                            Text { anchors.left: parent.left; anchors.right: paymentAmount.left; anchors.rightMargin: 12; anchors.verticalCenter: parent.verticalCenter; textFormat: Text.PlainText; text: qsTr("Paid: %1").arg(modelData.text); color: Theme.kDone; font.pixelSize: Theme.small + 2; elide: Text.ElideRight }
                            Text { id: paymentAmount; anchors.right: parent.right; anchors.verticalCenter: parent.verticalCenter; textFormat: Text.PlainText; text: modelData.amountText; color: Theme.kDone; font.pixelSize: Theme.body; font.weight: Font.Bold }
                        }
                    }
                }
            }
        }

        // Figures and the payment
        Rectangle {
            Layout.preferredWidth: 440
            Layout.fillHeight: true
            radius: 16
            color: Theme.kCard
            ColumnLayout {
                anchors.fill: parent
                anchors.margins: 18
                spacing: 10
                Repeater {
                    model: [
                        { label: qsTr("Subtotal"), value: kitchen.bill.won(kitchen.bill.subtotal) },
                        { label: qsTr("Discounts"), value: kitchen.bill.won(-kitchen.bill.discountTotal) },
                        { label: qsTr("Total"), value: kitchen.bill.won(kitchen.bill.total) },
                        { label: qsTr("Paid"), value: kitchen.bill.won(kitchen.bill.paid) }
                    ]
                    delegate: RowLayout {
                        Layout.fillWidth: true
                        Text { textFormat: Text.PlainText; text: modelData.label; color: Theme.kTextMuted; font.pixelSize: Theme.body; Layout.fillWidth: true }
                        Text { textFormat: Text.PlainText; text: modelData.value; color: Theme.kText; font.pixelSize: Theme.body; font.weight: Font.DemiBold }
                    }
                }
                Rectangle { Layout.fillWidth: true; height: 1; color: Theme.kLine }
                RowLayout {
                    Layout.fillWidth: true
                    Text { textFormat: Text.PlainText; text: qsTr("Due"); color: Theme.kText; font.pixelSize: Theme.title; font.weight: Font.Bold; Layout.fillWidth: true }
                    Text { objectName: "billDue"; textFormat: Text.PlainText; text: kitchen.bill.won(kitchen.bill.due); color: kitchen.bill.due > 0 ? Theme.kLate : Theme.kDone; font.pixelSize: Theme.headline; font.weight: Font.Black }
                }
                Item { Layout.preferredHeight: 4 }
                Text { textFormat: Text.PlainText; text: qsTr("Take a payment"); color: Theme.kText; font.pixelSize: Theme.body; font.weight: Font.Bold }
                GridLayout {
                    Layout.fillWidth: true
                    columns: 4
                    columnSpacing: 8
                    Repeater {
                        model: ["card", "cash", "transfer", "other"]
                        delegate: TouchButton {
                            objectName: "payMethod-" + modelData
                            Layout.fillWidth: true
                            enabled: !kitchen.bill.paymentUncertain && !kitchen.bill.paymentRecorded
                            variant: "dark"
                            tint: dialog.method === modelData ? Theme.kNew : Theme.kCardAlt
                            text: kitchen.bill.methodText(modelData)
                            fontSize: Theme.body - 2
                            onClicked: dialog.method = modelData
                        }
                    }
                }
                TextInputField {
                    id: amount
                    objectName: "payAmount"
                    Layout.fillWidth: true
                    dark: true
                    enabled: !kitchen.bill.paymentUncertain && !kitchen.bill.paymentRecorded
                    label: qsTr("Amount (won)")
                    inputMethodHints: Qt.ImhDigitsOnly
                }
                TouchButton {
                    objectName: "payButton"
                    visible: !kitchen.bill.paymentRecorded
                    Layout.fillWidth: true
                    Layout.preferredHeight: 68
                    fontSize: Theme.title
                    variant: "success"
                    enabled: kitchen.bill.hasVisit && !kitchen.bill.busy && dialog.amountValue() > 0
                    text: kitchen.bill.paymentUncertain ? qsTr("Send again: %1").arg(kitchen.bill.won(kitchen.bill.paymentAmount))
                                                        : qsTr("Record %1 %2").arg(kitchen.bill.methodText(dialog.method)).arg(kitchen.bill.won(dialog.amountValue()))
                    onClicked: kitchen.bill.paymentUncertain ? kitchen.bill.pay(kitchen.bill.paymentMethod, kitchen.bill.paymentAmount)
                                                             : kitchen.bill.pay(dialog.method, dialog.amountValue())
                }
                TouchButton {
                    objectName: "abandonPaymentButton"
                    visible: kitchen.bill.paymentUncertain
                    Layout.fillWidth: true
                    variant: "dark"
                    text: qsTr("Give up and check the bill")
                    onClicked: kitchen.bill.abandonPayment()
                }
                TouchButton {
                    objectName: "newPaymentButton"
                    visible: kitchen.bill.paymentRecorded && kitchen.bill.hasVisit
                    Layout.fillWidth: true
                    Layout.preferredHeight: 68
                    variant: "dark"
                    tint: Theme.kCardAlt
                    text: qsTr("Recorded ✓ · another payment")
                    onClicked: { kitchen.bill.beginPayment(); dialog.resetAmount() }
                }
                Text {
                    objectName: "billError"
                    textFormat: Text.PlainText
                    visible: kitchen.bill.error.length > 0
                    text: kitchen.bill.error
                    color: Theme.kVeryLate
                    font.pixelSize: Theme.small + 2
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Item { Layout.fillHeight: true }
                TouchButton {
                    objectName: "discountButton"
                    visible: kitchen.isManager
                    Layout.fillWidth: true
                    variant: "dark"
                    enabled: kitchen.bill.hasVisit
                    text: qsTr("Give a discount…")
                    onClicked: discountDialog.open()
                }
                TouchButton { objectName: "billClose"; Layout.fillWidth: true; variant: "dark"; text: qsTr("Close"); onClicked: dialog.close() }
            }
        }
    }

    VoidDialog { id: voidDialog }
    DiscountDialog { id: discountDialog }
}
