import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui

// The guests' bill: every line with where it came from and when ("4번 테이블 태블릿 19:42",
// "직원 김민수 19:50"), voided lines struck through with who and why, discounts, payments,
// what is left to pay, and a split as the edge computes it: even, or by what each guest had
// (each line given to a person; the amounts only once every line is someone's). Live while open.
Drawer {
    id: sheet
    objectName: "billSheet"
    edge: Qt.RightEdge
    width: parent ? Math.min(parent.width, 720) : 720
    height: parent ? parent.height : 800
    dragMargin: 0
    background: Rectangle { color: Theme.background }

    readonly property var billing: tablet.billing
    readonly property var bill: tablet.billing.bill
    readonly property bool byItems: billing.byItems && billing.ways > 1 && bill.due > 0

    onAboutToShow: billing.open()
    onClosed: { billing.close(); billing.ways = 0; billing.byItems = false; personPicker.close() }

    function originText(kind, name, table, time) {
        if (kind === "table")
            return qsTr("Table %1 tablet").arg(table) + " " + time
        if (kind === "staff")
            return qsTr("Staff") + " " + name + " " + time
        return time
    }
    function voidText(byKind, byName, time, reason) {
        if (byKind === "staff")
            return qsTr("Canceled") + " · " + qsTr("Staff") + " " + byName + " " + time + " · " + reason
        if (reason === "order canceled")
            return qsTr("Canceled") + " · " + qsTr("the order was canceled") + " " + time
        return qsTr("Canceled") + " · " + time + " · " + reason
    }
    function itemSplitErrorText(state) {
        if (state === "NO_ANSWER")
            return qsTr("The split could not be worked out: the tablet cannot reach the restaurant's system just now.")
        if (state === "CHANGED")
            return qsTr("The bill has just changed. Please check who had each item.")
        return qsTr("The split could not be worked out just now. Please ask staff.")
    }
    function methodText(method) {
        switch (method) {
        case "cash": return qsTr("Cash")
        case "card": return qsTr("Card")
        case "transfer": return qsTr("Bank transfer")
        }
        return qsTr("Other payment")
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 24
        spacing: 16
        RowLayout {
            Layout.fillWidth: true
            spacing: 12
            Text {
                textFormat: Text.PlainText
                text: qsTr("Bill")
                font.pixelSize: Theme.headline
                font.weight: Font.Bold
                color: Theme.text
            }
            Text {
                textFormat: Text.PlainText
                text: qsTr("Table %1").arg(tablet.tableNumber)
                font.pixelSize: Theme.body
                color: Theme.textMuted
                Layout.fillWidth: true
            }
            TouchButton { objectName: "billCloseButton"; text: qsTr("Close"); variant: "secondary"; onClicked: sheet.close() }
        }

        ListView {
            id: list
            objectName: "billLines"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 10
            model: sheet.bill
            ScrollIndicator.vertical: ScrollIndicator { active: list.contentHeight > list.height }
            delegate: Rectangle {
                id: line
                objectName: "billLine-" + model.lineId
                readonly property bool isVoid: model.voided
                width: list.width
                height: lineBody.implicitHeight + 24
                radius: Theme.radius
                color: isVoid ? Theme.surfaceAlt : Theme.surface
                border.width: 1
                border.color: Theme.line
                ColumnLayout {
                    id: lineBody
                    anchors.fill: parent
                    anchors.margins: 12
                    anchors.leftMargin: 16
                    anchors.rightMargin: 16
                    spacing: 4
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: 12
                        Text {
                            objectName: "billLineName-" + model.lineId
                            textFormat: Text.PlainText
                            text: model.name + "  × " + model.quantity
                            font.pixelSize: Theme.body
                            font.weight: Font.DemiBold
                            font.strikeout: line.isVoid
                            color: line.isVoid ? Theme.textMuted : Theme.text
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        Text {
                            objectName: "billLineTotal-" + model.lineId
                            textFormat: Text.PlainText
                            text: model.lineTotalText
                            font.pixelSize: Theme.body
                            font.weight: Font.DemiBold
                            font.strikeout: line.isVoid
                            color: line.isVoid ? Theme.textMuted : Theme.text
                        }
                    }
                    Text {
                        textFormat: Text.PlainText
                        visible: model.optionsText.length > 0
                        text: model.optionsText
                        font.pixelSize: Theme.small
                        color: Theme.textMuted
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    // Where it came from and when, then the unit price.
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: 12
                        Text {
                            objectName: "billLineOrigin-" + model.lineId
                            textFormat: Text.PlainText
                            text: sheet.originText(model.originKind, model.originName, model.originTable, model.addedTime)
                            font.pixelSize: Theme.small
                            color: Theme.textMuted
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        Text {
                            textFormat: Text.PlainText
                            text: qsTr("%1 each").arg(model.unitPriceText)
                            font.pixelSize: Theme.small
                            color: Theme.textMuted
                        }
                        // By items: who had it; an unassigned line stands out until it is someone's.
                        TouchButton {
                            id: whoButton
                            objectName: "whoButton-" + model.lineId
                            readonly property int person: sheet.billing.assignments[String(model.lineId)] || 0
                            visible: sheet.byItems && !line.isVoid
                            implicitHeight: 44
                            fontSize: Theme.small
                            variant: person > 0 ? "secondary" : "primary"
                            tint: person > 0 ? Theme.surface : Theme.warningText
                            text: person > 0 ? qsTr("Person %1").arg(person) : qsTr("Who had it?")
                            onClicked: personPicker.openFor(model.lineId, model.name)
                        }
                    }
                    Text {
                        objectName: "billLineVoid-" + model.lineId
                        visible: line.isVoid
                        textFormat: Text.PlainText
                        text: sheet.voidText(model.voidByKind, model.voidByName, model.voidTime, model.voidReason)
                        font.pixelSize: Theme.small
                        font.weight: Font.DemiBold
                        color: Theme.dangerStrong
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
            }

            Text {
                textFormat: Text.PlainText
                anchors.centerIn: parent
                visible: list.count === 0
                text: sheet.billing.loading ? qsTr("Loading the bill…") : qsTr("No orders yet.")
                font.pixelSize: Theme.title
                color: Theme.textMuted
            }

            footer: Column {
                width: list.width
                topPadding: 14
                spacing: 8
                Repeater {
                    model: sheet.bill.discounts
                    RowLayout {
                        width: parent.width
                        Text {
                            textFormat: Text.PlainText
                            text: (modelData.kind === "percent" ? qsTr("Discount %1%").arg(modelData.value) : qsTr("Discount"))
                                  + " · " + modelData.reason
                            font.pixelSize: Theme.body
                            color: Theme.successText
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        Text { textFormat: Text.PlainText; text: "−" + modelData.amountText; font.pixelSize: Theme.body; color: Theme.successText }
                    }
                }
                Repeater {
                    model: sheet.bill.payments
                    RowLayout {
                        objectName: "billPayment-" + index
                        width: parent.width
                        Text {
                            textFormat: Text.PlainText
                            text: qsTr("Paid") + " · " + sheet.methodText(modelData.method) + " " + modelData.time
                            font.pixelSize: Theme.body
                            color: Theme.textMuted
                            Layout.fillWidth: true
                        }
                        Text { textFormat: Text.PlainText; text: "−" + modelData.amountText; font.pixelSize: Theme.body; color: Theme.textMuted }
                    }
                }
            }
        }

        Rectangle { Layout.fillWidth: true; height: 1; color: Theme.line }
        RowLayout {
            Layout.fillWidth: true
            visible: sheet.bill.paid > 0 || sheet.bill.discounts.length > 0
            Text { textFormat: Text.PlainText; text: qsTr("Total"); font.pixelSize: Theme.body; color: Theme.text; Layout.fillWidth: true }
            Text { objectName: "billTotal"; textFormat: Text.PlainText; text: sheet.bill.totalText; font.pixelSize: Theme.body; color: Theme.text }
        }
        RowLayout {
            Layout.fillWidth: true
            visible: sheet.bill.paid > 0
            Text { textFormat: Text.PlainText; text: qsTr("Paid so far"); font.pixelSize: Theme.body; color: Theme.text; Layout.fillWidth: true }
            Text { objectName: "billPaid"; textFormat: Text.PlainText; text: "−" + sheet.bill.paidText; font.pixelSize: Theme.body; color: Theme.text }
        }
        RowLayout {
            Layout.fillWidth: true
            Text {
                textFormat: Text.PlainText
                text: sheet.bill.paid > 0 ? qsTr("Left to pay") : qsTr("Total")
                font.pixelSize: Theme.title
                color: Theme.text
                Layout.fillWidth: true
            }
            Text {
                objectName: "billDue"
                textFormat: Text.PlainText
                text: sheet.bill.dueText
                font.pixelSize: Theme.headline
                font.weight: Font.Bold
                color: Theme.text
            }
        }

        // Split (더치페이): evenly, the edge dividing what is left in whole won, or by what each
        // guest had, the edge sharing it out by lines.
        RowLayout {
            Layout.fillWidth: true
            spacing: 12
            visible: sheet.bill.due > 0
            Text {
                textFormat: Text.PlainText
                visible: sheet.billing.ways < 2
                text: qsTr("Split the bill")
                font.pixelSize: Theme.body
                font.weight: Font.DemiBold
                color: Theme.text
                Layout.fillWidth: true
            }
            TouchButton {
                objectName: "splitModeEven"
                visible: sheet.billing.ways > 1
                variant: sheet.billing.byItems ? "secondary" : "primary"
                text: qsTr("Evenly")
                onClicked: sheet.billing.byItems = false
            }
            TouchButton {
                objectName: "splitModeItems"
                visible: sheet.billing.ways > 1
                variant: sheet.billing.byItems ? "primary" : "secondary"
                text: qsTr("By items")
                onClicked: sheet.billing.byItems = true
            }
            Item { visible: sheet.billing.ways > 1; Layout.fillWidth: true }
            StepperButton {
                objectName: "splitLess"
                symbol: "−"
                enabled: sheet.billing.ways > 1
                onClicked: sheet.billing.ways = sheet.billing.ways > 2 ? sheet.billing.ways - 1 : 0
            }
            Text {
                objectName: "splitWays"
                textFormat: Text.PlainText
                text: sheet.billing.ways > 1 ? qsTr("%n people", "", sheet.billing.ways) : qsTr("Off")
                font.pixelSize: Theme.body
                color: Theme.text
                horizontalAlignment: Text.AlignHCenter
                Layout.preferredWidth: 96
            }
            StepperButton {
                objectName: "splitMore"
                symbol: "+"
                enabled: sheet.billing.ways < 20
                onClicked: sheet.billing.ways = Math.max(2, sheet.billing.ways + 1)
            }
        }
        Flow {
            objectName: "splitShares"
            Layout.fillWidth: true
            spacing: 8
            visible: sheet.billing.ways > 1 && !sheet.billing.byItems && sheet.bill.splitWays === sheet.billing.ways && sheet.bill.due > 0
            Repeater {
                model: sheet.bill.shareTexts
                Pill {
                    objectName: "splitShare-" + index
                    tint: Theme.ink
                    fontSize: Theme.body
                    implicitHeight: 40
                    text: qsTr("Person %1").arg(index + 1) + "  " + modelData
                }
            }
        }
        Text {
            textFormat: Text.PlainText
            visible: sheet.billing.ways > 1 && !sheet.billing.byItems && sheet.bill.due > 0
            text: qsTr("In whole won; what is left over is on the first share.")
            font.pixelSize: Theme.small
            color: Theme.textMuted
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        // By items: nothing is shown as a share until every line is someone's.
        Text {
            objectName: "itemSplitUnassigned"
            textFormat: Text.PlainText
            visible: sheet.byItems && sheet.billing.unassignedCount > 0
            text: qsTr("%n item(s) not chosen yet: tap “Who had it?” on each line.", "", sheet.billing.unassignedCount)
            font.pixelSize: Theme.body
            font.weight: Font.DemiBold
            color: Theme.warningText
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Flow {
            objectName: "itemShares"
            Layout.fillWidth: true
            spacing: 8
            visible: sheet.byItems && sheet.billing.itemSplitState === "ready"
            Repeater {
                model: sheet.billing.itemShares
                Pill {
                    objectName: "itemShare-" + modelData.person
                    tint: modelData.amountText.length > 0 ? Theme.ink : Theme.textMuted
                    fontSize: Theme.body
                    implicitHeight: 40
                    text: qsTr("Person %1").arg(modelData.person) + "  "
                          + (modelData.amountText.length > 0 ? modelData.amountText : "—")
                }
            }
        }
        Text {
            textFormat: Text.PlainText
            visible: sheet.byItems && sheet.billing.itemSplitState === "ready"
            text: qsTr("Each pays for what they had; discounts and payments so far are shared the same way.")
            font.pixelSize: Theme.small
            color: Theme.textMuted
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: 12
            visible: sheet.byItems && sheet.billing.itemSplitState !== "" && sheet.billing.itemSplitState !== "ready"
                     && sheet.billing.itemSplitState !== "asking"
            Text {
                objectName: "itemSplitError"
                textFormat: Text.PlainText
                text: sheet.itemSplitErrorText(sheet.billing.itemSplitState)
                font.pixelSize: Theme.small
                color: Theme.dangerStrong
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            TouchButton {
                objectName: "itemSplitRetry"
                variant: "secondary"
                text: qsTr("Try again")
                onClicked: sheet.billing.refresh()
            }
        }
        Text {
            objectName: "billFailed"
            textFormat: Text.PlainText
            visible: sheet.billing.failed
            text: qsTr("The bill could not be loaded just now. It is shown as it was last read.")
            font.pixelSize: Theme.small
            color: Theme.dangerStrong
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        TouchButton {
            objectName: "billCallButton"
            Layout.fillWidth: true
            visible: sheet.bill.due > 0
            readonly property bool called: tablet.staffCalls.calls.some(c => c.reason === "bill")
            enabled: !called && !tablet.staffCalls.sending
            text: called ? qsTr("Staff has been asked for the bill") : qsTr("Ask staff for the bill")
            onClicked: tablet.staffCalls.call("bill", "")
        }
    }

    // Who had this line: one tap on a person (or "not chosen").
    Popup {
        id: personPicker
        objectName: "personPicker"
        property var lineId: 0
        property string lineName: ""
        function openFor(id, name) { lineId = id; lineName = name; open() }
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(parent ? parent.width - 48 : 600, 600)
        modal: true
        padding: 24
        background: Rectangle { color: Theme.surface; radius: Theme.radius }
        contentItem: ColumnLayout {
            spacing: 16
            Text {
                textFormat: Text.PlainText
                text: qsTr("Who had it?")
                font.pixelSize: Theme.title
                font.weight: Font.Bold
                color: Theme.text
            }
            Text {
                textFormat: Text.PlainText
                text: personPicker.lineName
                font.pixelSize: Theme.body
                color: Theme.textMuted
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Flow {
                Layout.fillWidth: true
                spacing: 10
                Repeater {
                    model: sheet.billing.ways
                    TouchButton {
                        objectName: "personChoice-" + (index + 1)
                        readonly property bool chosen: sheet.billing.assignments[String(personPicker.lineId)] === index + 1
                        variant: chosen ? "primary" : "secondary"
                        width: 150
                        text: qsTr("Person %1").arg(index + 1)
                        onClicked: { sheet.billing.assign(personPicker.lineId, index + 1); personPicker.close() }
                    }
                }
            }
            RowLayout {
                Layout.fillWidth: true
                TouchButton {
                    objectName: "personChoice-0"
                    variant: "ghost"
                    text: qsTr("Not chosen yet")
                    onClicked: { sheet.billing.assign(personPicker.lineId, 0); personPicker.close() }
                }
                Item { Layout.fillWidth: true }
                TouchButton {
                    objectName: "personPickerClose"
                    variant: "secondary"
                    text: qsTr("Close")
                    onClicked: personPicker.close()
                }
            }
        }
    }
}
