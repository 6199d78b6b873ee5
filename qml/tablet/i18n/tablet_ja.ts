<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>AllergenChip</name>
    <message>
        <location filename="../qml/AllergenChip.qml" line="20"/>
        <source>Egg</source>
        <translation>卵</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="21"/>
        <source>Milk</source>
        <translation>乳</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="22"/>
        <source>Buckwheat</source>
        <translation>そば</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="23"/>
        <source>Peanut</source>
        <translation>落花生</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="24"/>
        <source>Soybean</source>
        <translation>大豆</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="25"/>
        <source>Wheat</source>
        <translation>小麦</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="26"/>
        <source>Mackerel</source>
        <translation>さば</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="27"/>
        <source>Crab</source>
        <translation>かに</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="28"/>
        <source>Shrimp</source>
        <translation>えび</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="29"/>
        <source>Pork</source>
        <translation>豚肉</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="30"/>
        <source>Peach</source>
        <translation>もも</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="31"/>
        <source>Tomato</source>
        <translation>トマト</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="32"/>
        <source>Sulfites</source>
        <translation>亜硫酸塩</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="33"/>
        <source>Walnut</source>
        <translation>くるみ</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="34"/>
        <source>Chicken</source>
        <translation>鶏肉</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="35"/>
        <source>Beef</source>
        <translation>牛肉</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="36"/>
        <source>Squid</source>
        <translation>いか</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="37"/>
        <source>Shellfish (oyster, abalone, mussel)</source>
        <translation>貝類（かき・あわび・ムール貝を含む）</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="38"/>
        <source>Pine nut</source>
        <translation>松の実</translation>
    </message>
</context>
<context>
    <name>AllergenFilter</name>
    <message>
        <location filename="../qml/AllergenFilter.qml" line="26"/>
        <source>Hide dishes that contain</source>
        <translation>次を含む料理を非表示</translation>
    </message>
    <message>
        <location filename="../qml/AllergenFilter.qml" line="35"/>
        <source>Based on the restaurant&apos;s labels. Please tell staff about serious allergies.</source>
        <translation>店舗の表示に基づいています。重いアレルギーは必ずスタッフにお伝えください。</translation>
    </message>
    <message>
        <location filename="../qml/AllergenFilter.qml" line="68"/>
        <source>Show all dishes</source>
        <translation>すべての料理を表示</translation>
    </message>
    <message>
        <location filename="../qml/AllergenFilter.qml" line="76"/>
        <source>Done</source>
        <translation>完了</translation>
    </message>
</context>
<context>
    <name>BillSheet</name>
    <message>
        <location filename="../qml/BillSheet.qml" line="28"/>
        <source>Table %1 tablet</source>
        <translation>%1番テーブルのタブレット</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="30"/>
        <location filename="../qml/BillSheet.qml" line="35"/>
        <source>Staff</source>
        <translation>スタッフ</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="35"/>
        <location filename="../qml/BillSheet.qml" line="37"/>
        <location filename="../qml/BillSheet.qml" line="38"/>
        <source>Canceled</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="37"/>
        <source>the order was canceled</source>
        <translation>注文の取消</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="42"/>
        <source>The split could not be worked out: the tablet cannot reach the restaurant&apos;s system just now.</source>
        <translation>割り勘の金額を出せませんでした。タブレットが今お店のシステムにつながっていません。</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="44"/>
        <source>The bill has just changed. Please check who had each item.</source>
        <translation>お会計が今変わりました。どなたが何を召し上がったか、もう一度ご確認ください。</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="45"/>
        <source>The split could not be worked out just now. Please ask staff.</source>
        <translation>今は割り勘の金額を出せませんでした。スタッフにお声がけください。</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="49"/>
        <source>Cash</source>
        <translation>現金</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="50"/>
        <source>Card</source>
        <translation>カード</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="51"/>
        <source>Bank transfer</source>
        <translation>振込</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="53"/>
        <source>Other payment</source>
        <translation>その他のお支払い</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="65"/>
        <source>Bill</source>
        <translation>お会計明細</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="72"/>
        <source>Table %1</source>
        <translation>%1番テーブル</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="77"/>
        <location filename="../qml/BillSheet.qml" line="479"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="154"/>
        <source>%1 each</source>
        <translation>単価 %1</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="168"/>
        <location filename="../qml/BillSheet.qml" line="439"/>
        <source>Who had it?</source>
        <translation>どなたの分？</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="190"/>
        <source>Loading the bill…</source>
        <translation>明細を読み込み中…</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="190"/>
        <source>No orders yet.</source>
        <translation>まだご注文はありません。</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="205"/>
        <source>Discount %1%</source>
        <translation>割引 %1%</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="205"/>
        <source>Discount</source>
        <translation>割引</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="237"/>
        <location filename="../qml/BillSheet.qml" line="250"/>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="472"/>
        <source>Not chosen yet</source>
        <translation>まだ決めない</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="222"/>
        <source>Paid</source>
        <translation>お支払い済み</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="243"/>
        <source>Paid so far</source>
        <translation>お支払い済み</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="250"/>
        <source>Left to pay</source>
        <translation>残りのお支払い</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/BillSheet.qml" line="304"/>
        <source>%n people</source>
        <translation>
            <numerusform>%n人</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="304"/>
        <source>Off</source>
        <translation>しない</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="168"/>
        <location filename="../qml/BillSheet.qml" line="329"/>
        <location filename="../qml/BillSheet.qml" line="366"/>
        <location filename="../qml/BillSheet.qml" line="462"/>
        <source>Person %1</source>
        <translation>%1人目</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="274"/>
        <source>Split the bill</source>
        <translation>割り勘</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="284"/>
        <source>Evenly</source>
        <translation>均等に</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="291"/>
        <source>By items</source>
        <translation>品目ごと</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="336"/>
        <source>In whole won; what is left over is on the first share.</source>
        <translation>1ウォン単位で分け、端数は1人目に含めています。</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/BillSheet.qml" line="347"/>
        <source>%n item(s) not chosen yet: tap “Who had it?” on each line.</source>
        <translation>
            <numerusform>まだ%n品が決まっていません。各品目の「どなたの分？」を押してください。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="374"/>
        <source>Each pays for what they had; discounts and payments so far are shared the same way.</source>
        <translation>召し上がった分をお支払いください。割引と支払い済みの金額も同じ割合で分けています。</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="397"/>
        <source>Try again</source>
        <translation>もう一度</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="405"/>
        <source>The bill could not be loaded just now. It is shown as it was last read.</source>
        <translation>今は明細を読み込めませんでした。前回の内容を表示しています。</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="417"/>
        <source>Staff has been asked for the bill</source>
        <translation>お会計をお願いしました</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="417"/>
        <source>Ask staff for the bill</source>
        <translation>スタッフにお会計を頼む</translation>
    </message>
</context>
<context>
    <name>CallButton</name>
    <message>
        <location filename="../qml/CallButton.qml" line="10"/>
        <source>Call staff</source>
        <translation>スタッフを呼ぶ</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message numerus="yes">
        <location filename="../qml/CallDialog.qml" line="36"/>
        <source>You have called several times just now. Please try again in %n seconds.</source>
        <translation>
            <numerusform>続けて何度も呼び出されました。%n秒後にもう一度お試しください。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="38"/>
        <source>The call did not go through: the tablet cannot reach the restaurant&apos;s system. Please try again, or raise your hand for staff.</source>
        <translation>呼び出しが届きませんでした。タブレットがお店のシステムにつながっていません。もう一度お試しいただくか、手を挙げてスタッフをお呼びください。</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="40"/>
        <source>The call did not go through. Please raise your hand for staff.</source>
        <translation>呼び出しが届きませんでした。手を挙げてスタッフをお呼びください。</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="53"/>
        <location filename="../qml/CallDialog.qml" line="161"/>
        <source>Call staff</source>
        <translation>スタッフを呼ぶ</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="60"/>
        <source>What do you need?</source>
        <translation>ご用件をお選びください</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="74"/>
        <source>Water</source>
        <translation>お水</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="75"/>
        <source>Cutlery &amp; dishes</source>
        <translation>カトラリー・食器</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="76"/>
        <source>The bill</source>
        <translation>お会計</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="77"/>
        <source>Something else</source>
        <translation>その他</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="110"/>
        <source>Staff is on the way</source>
        <translation>スタッフが向かっています</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="110"/>
        <source>Called</source>
        <translation>呼び出し済み</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="132"/>
        <source>What can we bring? (optional)</source>
        <translation>ご用件をご記入ください（任意）</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="133"/>
        <source>e.g. a child&apos;s chair</source>
        <translation>例：子ども用椅子</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="152"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="161"/>
        <source>Calling…</source>
        <translation>呼び出し中…</translation>
    </message>
</context>
<context>
    <name>CallStatusBar</name>
    <message>
        <location filename="../qml/CallStatusBar.qml" line="16"/>
        <source>Water</source>
        <translation>お水</translation>
    </message>
    <message>
        <location filename="../qml/CallStatusBar.qml" line="17"/>
        <source>Cutlery &amp; dishes</source>
        <translation>カトラリー・食器</translation>
    </message>
    <message>
        <location filename="../qml/CallStatusBar.qml" line="18"/>
        <source>The bill</source>
        <translation>お会計</translation>
    </message>
    <message>
        <location filename="../qml/CallStatusBar.qml" line="20"/>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <location filename="../qml/CallStatusBar.qml" line="52"/>
        <source>Staff is on the way</source>
        <translation>スタッフが向かっています</translation>
    </message>
    <message>
        <location filename="../qml/CallStatusBar.qml" line="52"/>
        <source>Staff called</source>
        <translation>スタッフを呼びました</translation>
    </message>
</context>
<context>
    <name>CartBar</name>
    <message>
        <location filename="../qml/CartBar.qml" line="22"/>
        <source>%1 items in your order</source>
        <translation>注文予定 %1 点</translation>
    </message>
    <message>
        <location filename="../qml/CartBar.qml" line="23"/>
        <source>Tap a dish to add it</source>
        <translation>料理をタップして追加</translation>
    </message>
    <message>
        <location filename="../qml/CartBar.qml" line="48"/>
        <source>View order</source>
        <translation>注文を確認</translation>
    </message>
</context>
<context>
    <name>CartLine</name>
    <message>
        <location filename="../qml/CartLine.qml" line="21"/>
        <source>Sold out. Please remove it.</source>
        <translation>売り切れです。削除してください。</translation>
    </message>
    <message>
        <location filename="../qml/CartLine.qml" line="22"/>
        <source>Not served at this time. Please remove it.</source>
        <translation>この時間はご注文いただけません。削除してください。</translation>
    </message>
    <message>
        <location filename="../qml/CartLine.qml" line="23"/>
        <source>A choice ran out. Please remove it and choose again.</source>
        <translation>選んだオプションが売り切れました。削除して選び直してください。</translation>
    </message>
    <message>
        <location filename="../qml/CartLine.qml" line="24"/>
        <source>The choices changed. Please remove it and choose again.</source>
        <translation>オプションが変更されました。削除して選び直してください。</translation>
    </message>
</context>
<context>
    <name>CartPanel</name>
    <message>
        <location filename="../qml/CartPanel.qml" line="23"/>
        <source>Your order</source>
        <translation>カート</translation>
    </message>
    <message>
        <location filename="../qml/CartPanel.qml" line="46"/>
        <source>Tap a dish to add it here.</source>
        <translation>料理をタップするとここに追加されます。</translation>
    </message>
    <message>
        <location filename="../qml/CartPanel.qml" line="59"/>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <location filename="../qml/CartPanel.qml" line="79"/>
        <source>Sending your order…</source>
        <translation>注文を送信中…</translation>
    </message>
    <message>
        <location filename="../qml/CartPanel.qml" line="80"/>
        <source>Order %1 items</source>
        <translation>%1 点を注文</translation>
    </message>
    <message>
        <location filename="../qml/CartPanel.qml" line="81"/>
        <source>Order</source>
        <translation>注文する</translation>
    </message>
</context>
<context>
    <name>CartRestoreBar</name>
    <message>
        <location filename="../qml/CartRestoreBar.qml" line="22"/>
        <source>Cart emptied.</source>
        <translation>カートを空にしました。</translation>
    </message>
    <message>
        <location filename="../qml/CartRestoreBar.qml" line="31"/>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
</context>
<context>
    <name>CartSheet</name>
    <message>
        <location filename="../qml/CartSheet.qml" line="22"/>
        <source>Your order</source>
        <translation>カート</translation>
    </message>
    <message>
        <location filename="../qml/CartSheet.qml" line="24"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../qml/CartSheet.qml" line="38"/>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <location filename="../qml/CartSheet.qml" line="47"/>
        <source>Order %1 items</source>
        <translation>%1 点を注文</translation>
    </message>
</context>
<context>
    <name>ClearCartButton</name>
    <message>
        <location filename="../qml/ClearCartButton.qml" line="10"/>
        <source>Empty cart</source>
        <translation>カートを空にする</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <location filename="../qml/ConnectionBanner.qml" line="12"/>
        <source>Not connected: the restaurant system&apos;s certificate has changed</source>
        <translation>未接続：店舗システムの証明書が変更されました</translation>
    </message>
    <message>
        <location filename="../qml/ConnectionBanner.qml" line="13"/>
        <source>Offline: reconnecting…</source>
        <translation>オフライン：再接続中…</translation>
    </message>
    <message>
        <location filename="../qml/ConnectionBanner.qml" line="14"/>
        <source>Staff: set this tablet up again with the new fingerprint.</source>
        <translation>スタッフ：新しいフィンガープリントでこのタブレットを再設定してください。</translation>
    </message>
    <message>
        <location filename="../qml/ConnectionBanner.qml" line="16"/>
        <source>Next try in %1 s. Orders you place are kept and sent once, as soon as we are back.</source>
        <translation>%1 秒後に再試行します。注文は保存され、接続が戻り次第一度だけ送信されます。</translation>
    </message>
    <message>
        <location filename="../qml/ConnectionBanner.qml" line="17"/>
        <source>Orders you place are kept and sent once, as soon as we are back.</source>
        <translation>注文は保存され、接続が戻り次第一度だけ送信されます。</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message numerus="yes">
        <location filename="../qml/FilterBar.qml" line="22"/>
        <source>Hiding %n dish(es) with the allergens you chose</source>
        <translation>
            <numerusform>選んだアレルゲンを含む料理 %n 品を非表示にしています</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/FilterBar.qml" line="35"/>
        <source>Allergy filter (%1)</source>
        <translation>アレルギー絞り込み (%1)</translation>
    </message>
    <message>
        <location filename="../qml/FilterBar.qml" line="35"/>
        <source>Allergy filter</source>
        <translation>アレルギー絞り込み</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../qml/Header.qml" line="33"/>
        <source>Table %1</source>
        <translation>%1 番テーブル</translation>
    </message>
    <message>
        <location filename="../qml/Header.qml" line="66"/>
        <source>● Connected</source>
        <translation>● 接続中</translation>
    </message>
    <message>
        <location filename="../qml/Header.qml" line="66"/>
        <source>● Offline</source>
        <translation>● オフライン</translation>
    </message>
    <message>
        <location filename="../qml/Header.qml" line="75"/>
        <source>Phone</source>
        <translation>スマホ注文</translation>
    </message>
    <message>
        <location filename="../qml/Header.qml" line="84"/>
        <source>My orders (%1)</source>
        <translation>注文履歴 (%1)</translation>
    </message>
    <message>
        <location filename="../qml/Header.qml" line="84"/>
        <source>My orders</source>
        <translation>注文履歴</translation>
    </message>
    <message>
        <location filename="../qml/Header.qml" line="103"/>
        <source>Staff: set this tablet up again?</source>
        <translation>スタッフ：このタブレットを再設定しますか？</translation>
    </message>
    <message>
        <location filename="../qml/Header.qml" line="112"/>
        <source>The tablet forgets its table login and shows the setup screen.</source>
        <translation>テーブルのログインを消去し、設定画面に戻ります。</translation>
    </message>
    <message>
        <location filename="../qml/Header.qml" line="120"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../qml/Header.qml" line="121"/>
        <source>Set up again</source>
        <translation>再設定</translation>
    </message>
</context>
<context>
    <name>ItemCard</name>
    <message>
        <location filename="../qml/ItemCard.qml" line="83"/>
        <source>Not now · from %1</source>
        <translation>ただいま提供外 · %1から</translation>
    </message>
    <message>
        <location filename="../qml/ItemCard.qml" line="84"/>
        <source>Not available now</source>
        <translation>ただいま提供外</translation>
    </message>
    <message>
        <location filename="../qml/ItemCard.qml" line="105"/>
        <source>Only %1 left</source>
        <translation>残り %1 食</translation>
    </message>
    <message>
        <location filename="../qml/ItemCard.qml" line="123"/>
        <location filename="../qml/ItemCard.qml" line="193"/>
        <source>Sold out</source>
        <translation>売り切れ</translation>
    </message>
    <message>
        <location filename="../qml/ItemCard.qml" line="193"/>
        <source>+ Add</source>
        <translation>+ 追加</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="13"/>
        <source>Table order</source>
        <translation>テーブル注文</translation>
    </message>
</context>
<context>
    <name>MenuScreen</name>
    <message>
        <location filename="../qml/MenuScreen.qml" line="88"/>
        <source>Loading the menu…</source>
        <translation>メニューを読み込み中…</translation>
    </message>
    <message>
        <location filename="../qml/MenuScreen.qml" line="113"/>
        <source>Order #%1 received. Thank you!</source>
        <translation>注文 #%1 を受け付けました。ありがとうございます！</translation>
    </message>
</context>
<context>
    <name>OptionSheet</name>
    <message>
        <location filename="../qml/OptionSheet.qml" line="26"/>
        <source>Choose 1</source>
        <translation>1つ選択</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="28"/>
        <source>Up to %1</source>
        <translation>%1つまで</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="30"/>
        <source>Choose %1</source>
        <translation>%1つ選択</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="31"/>
        <source>Choose %1 to %2</source>
        <translation>%1〜%2つ選択</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="58"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="143"/>
        <source>Contains these allergens</source>
        <translation>含まれるアレルゲン</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="144"/>
        <source>No allergens listed. Ask staff if unsure.</source>
        <translation>表示されたアレルゲンはありません。ご不明な点はスタッフにお尋ねください。</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="192"/>
        <source>Required ✓</source>
        <translation>必須 ✓</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="192"/>
        <source>Required</source>
        <translation>必須</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="193"/>
        <source>Optional</source>
        <translation>任意</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="266"/>
        <source>Sold out</source>
        <translation>売り切れ</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="294"/>
        <source>Request for this dish (optional)</source>
        <translation>この料理へのご要望（任意）</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="295"/>
        <source>e.g. no onions</source>
        <translation>例：玉ねぎ抜き</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="322"/>
        <source>Not available to order right now.</source>
        <translation>ただいまご注文いただけません。</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="323"/>
        <source>No more left today.</source>
        <translation>本日分は売り切れました。</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="324"/>
        <source>Please choose: %1</source>
        <translation>選択してください：%1</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="364"/>
        <source>Add · %1</source>
        <translation>追加 · %1</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <location filename="../qml/OrderDialog.qml" line="45"/>
        <source>Check your order</source>
        <translation>ご注文をご確認ください</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="62"/>
        <source>Request for the kitchen (optional)</source>
        <translation>キッチンへのご要望（任意）</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="63"/>
        <source>e.g. less spicy, no onions</source>
        <translation>例：辛さ控えめ、玉ねぎ抜き</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="69"/>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="76"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="85"/>
        <source>Place order</source>
        <translation>注文する</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="104"/>
        <source>Connection problem. Retrying…</source>
        <translation>接続が不安定です。再試行中…</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="105"/>
        <source>Sending your order…</source>
        <translation>注文を送信中…</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="117"/>
        <source>Attempt %1. Next try in %2 s. Your order is kept and will be placed only once.</source>
        <translation>%1 回目の試行。%2 秒後に再送します。注文は保存され、一度だけ受け付けられます。</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="119"/>
        <source>Attempt %1. Trying again now. Your order is kept and will be placed only once.</source>
        <translation>%1 回目の送信：ただいま再送信中です。注文は保存され、一度だけ受け付けられます。</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="143"/>
        <source>Order #%1 received</source>
        <translation>注文 #%1 を受け付けました</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="154"/>
        <source>Kitchen confirmed: the kitchen has your order. Follow it under &quot;My orders&quot;.</source>
        <translation>厨房確認済み：厨房が注文を受け取りました。「注文履歴」でご確認ください。</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="155"/>
        <source>Order received. Waiting for the kitchen screen to confirm it…</source>
        <translation>注文受付：厨房画面の確認を待っています…</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="163"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="173"/>
        <source>The order was not placed</source>
        <translation>注文は受け付けられませんでした</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="187"/>
        <source>Back to my order</source>
        <translation>カートに戻る</translation>
    </message>
</context>
<context>
    <name>OrdersSheet</name>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="19"/>
        <source>Received</source>
        <translation>受付済み</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="20"/>
        <source>Cooking</source>
        <translation>調理中</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="22"/>
        <source>Your food is on its way</source>
        <translation>お料理をまもなくお持ちします</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="23"/>
        <source>Served</source>
        <translation>お届け済み</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="24"/>
        <source>Canceled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="35"/>
        <source>My orders</source>
        <translation>注文履歴</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="36"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="61"/>
        <source>Order #%1</source>
        <translation>注文 #%1</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="78"/>
        <source>Kitchen confirmed</source>
        <translation>厨房確認済み</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="117"/>
        <source>No orders yet.</source>
        <translation>まだ注文はありません。</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="125"/>
        <source>This visit so far</source>
        <translation>今回のご利用合計</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="135"/>
        <source>See the bill and split it</source>
        <translation>明細を見る・割り勘</translation>
    </message>
</context>
<context>
    <name>PhoneDialog</name>
    <message>
        <location filename="../qml/PhoneDialog.qml" line="31"/>
        <source>Order from your phone</source>
        <translation>スマートフォンで注文</translation>
    </message>
    <message>
        <location filename="../qml/PhoneDialog.qml" line="40"/>
        <source>Scan this code with your phone&apos;s camera to see the menu and order for this table on your phone.</source>
        <translation>スマートフォンのカメラでこのコードを読み取ると、スマートフォンでメニューを見てこのテーブルの注文ができます。</translation>
    </message>
    <message>
        <location filename="../qml/PhoneDialog.qml" line="68"/>
        <source>Ordering by phone is not available right now.</source>
        <translation>現在スマートフォンでの注文はご利用いただけません。</translation>
    </message>
    <message>
        <location filename="../qml/PhoneDialog.qml" line="74"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>QrScanView</name>
    <message>
        <location filename="../qml/QrScanView.qml" line="38"/>
        <source>Hold the manager screen&apos;s pairing QR in the square</source>
        <translation>管理者画面のペアリングQRを枠内に合わせてください</translation>
    </message>
    <message>
        <location filename="../qml/QrScanView.qml" line="47"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>SetupScreen</name>
    <message>
        <location filename="../qml/SetupScreen.qml" line="28"/>
        <source>Set up this table&apos;s tablet</source>
        <translation>このテーブルのタブレットを設定</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="37"/>
        <source>For staff. The tablet remembers this until it is set up again.</source>
        <translation>スタッフ用です。再設定するまでこの情報を記憶します。</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="51"/>
        <source>Pairing QR from the manager screen, or its link</source>
        <translation>管理者画面のペアリングQRまたはリンク</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="52"/>
        <source>Pairing link from the manager screen</source>
        <translation>管理者画面のペアリングリンク</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="62"/>
        <source>Scan pairing QR</source>
        <translation>ペアリングQRを読み取る</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="70"/>
        <source>Pair</source>
        <translation>ペアリング</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="76"/>
        <source>Or set up by hand with the table&apos;s password:</source>
        <translation>またはテーブルのパスワードで手動設定：</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="86"/>
        <source>Edge address</source>
        <translation>店舗サーバーのアドレス</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="96"/>
        <source>Certificate fingerprint (SHA-256, for https)</source>
        <translation>証明書のフィンガープリント（SHA-256、https 用）</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="104"/>
        <source>Edge: %1</source>
        <translation>店舗サーバー：%1</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="115"/>
        <source>Table number</source>
        <translation>テーブル番号</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="123"/>
        <source>Table password</source>
        <translation>テーブルのパスワード</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="142"/>
        <source>Connecting…</source>
        <translation>接続中…</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="142"/>
        <source>Start taking orders</source>
        <translation>注文の受付を開始</translation>
    </message>
</context>
<context>
    <name>TagBadge</name>
    <message>
        <location filename="../qml/TagBadge.qml" line="21"/>
        <source>Spicy</source>
        <translation>辛口</translation>
    </message>
    <message>
        <location filename="../qml/TagBadge.qml" line="22"/>
        <source>Vegetarian</source>
        <translation>ベジタリアン</translation>
    </message>
    <message>
        <location filename="../qml/TagBadge.qml" line="23"/>
        <source>New</source>
        <translation>新メニュー</translation>
    </message>
    <message>
        <location filename="../qml/TagBadge.qml" line="24"/>
        <source>Best</source>
        <translation>人気</translation>
    </message>
</context>
<context>
    <name>tableorder::tablet::TabletController</name>
    <message>
        <location filename="../tabletcontroller.cpp" line="238"/>
        <source>Enter the edge address, for example http://192.168.0.10:8080</source>
        <translation>店舗サーバーのアドレスを入力してください。例：http://192.168.0.10:8080</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="240"/>
        <source>Enter a table number from 1 to 9999</source>
        <translation>1〜9999 のテーブル番号を入力してください</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="242"/>
        <source>Enter the table&apos;s password</source>
        <translation>テーブルのパスワードを入力してください</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="258"/>
        <source>Enter the edge&apos;s certificate fingerprint (SHA-256, 64 hex digits) that the manager screen shows</source>
        <translation>管理者画面に表示される店舗サーバー証明書のフィンガープリント（SHA-256、16 進 64 桁）を入力してください</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="299"/>
        <source>The edge&apos;s certificate does not match the fingerprint: check it on the manager screen. Not connected.</source>
        <translation>店舗サーバーの証明書がフィンガープリントと一致しません。管理者画面で確認してください。接続していません。</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="302"/>
        <source>Cannot reach the edge at %1</source>
        <translation>店舗サーバー（%1）に接続できません</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="250"/>
        <source>Wrong table number or password</source>
        <translation>テーブル番号またはパスワードが違います</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="273"/>
        <source>This is not a pairing link from the manager screen (%1)</source>
        <translation>管理者画面のペアリングリンクではありません（%1）</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="275"/>
        <source>This link has no table: show the pairing QR of a table on the manager screen (Tables, then the table)</source>
        <translation>テーブル情報のないリンクです。管理者画面（テーブル → 該当テーブル）のペアリングQRを使ってください</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="286"/>
        <source>This pairing QR was already used. Show a new one on the manager screen.</source>
        <translation>このペアリングQRは使用済みです。管理者画面で新しいQRを表示してください。</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="288"/>
        <source>This pairing QR has expired or was replaced. Show a new one on the manager screen.</source>
        <translation>このペアリングQRは期限切れか、新しいQRに置き換えられました。管理者画面で新しいQRを表示してください。</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="291"/>
        <source>The edge does not accept this pairing code for table %1.</source>
        <translation>店舗サーバーはテーブル %1 のこのペアリングコードを受け付けません。</translation>
    </message>
    <message numerus="yes">
        <location filename="../tabletcontroller.cpp" line="304"/>
        <source>Too many attempts; wait %n seconds</source>
        <translation>
            <numerusform>試行回数が多すぎます。%n 秒お待ちください</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="306"/>
        <source>The edge refused: %1</source>
        <translation>店舗サーバーが拒否しました：%1</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="334"/>
        <source>This tablet&apos;s login is no longer valid. Staff: please set it up again.</source>
        <translation>このタブレットのログインは無効になりました。スタッフが再設定してください。</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="398"/>
        <source>Not served at this time: %1. Please remove it and order again.</source>
        <translation>この時間はご注文いただけません：%1。削除してもう一度ご注文ください。</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="399"/>
        <location filename="../tabletcontroller.cpp" line="407"/>
        <source>Sold out just now: %1. Please remove it and order again.</source>
        <translation>ただいま売り切れました：%1。削除してもう一度ご注文ください。</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="402"/>
        <source>This choice just ran out: %1. Please choose again and order again.</source>
        <translation>選んだオプションがただいま売り切れました：%1。選び直してもう一度ご注文ください。</translation>
    </message>
    <message numerus="yes">
        <location filename="../tabletcontroller.cpp" line="408"/>
        <source>Only %n left of %1. Please lower the quantity and order again.</source>
        <translation>
            <numerusform>%1 は残り %n 食です。数量を減らしてもう一度ご注文ください。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="411"/>
        <source>Please ask a member of staff. (%1)</source>
        <translation>スタッフにお尋ねください。（%1）</translation>
    </message>
</context>
</TS>
