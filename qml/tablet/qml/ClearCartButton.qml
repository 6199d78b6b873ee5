import QtQuick
import TableOrder.Ui

// Empties the cart: a full-size, outlined button (not a small bare word next to the title),
// and undoable: CartRestoreBar brings everything back for CartModel::kRestoreMs.
TouchButton {
    objectName: "clearCartButton"
    visible: tablet.cart.count > 0
    variant: "secondary"
    text: qsTr("Empty cart")
    onClicked: tablet.cart.discard()
}
