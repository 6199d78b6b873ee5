<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AllergenChip</name>
    <message>
        <location filename="../qml/AllergenChip.qml" line="20"/>
        <source>Egg</source>
        <translation>蛋类</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="21"/>
        <source>Milk</source>
        <translation>牛奶</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="22"/>
        <source>Buckwheat</source>
        <translation>荞麦</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="23"/>
        <source>Peanut</source>
        <translation>花生</translation>
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
        <translation>鲭鱼</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="27"/>
        <source>Crab</source>
        <translation>蟹</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="28"/>
        <source>Shrimp</source>
        <translation>虾</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="29"/>
        <source>Pork</source>
        <translation>猪肉</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="30"/>
        <source>Peach</source>
        <translation>桃子</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="31"/>
        <source>Tomato</source>
        <translation>番茄</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="32"/>
        <source>Sulfites</source>
        <translation>亚硫酸盐</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="33"/>
        <source>Walnut</source>
        <translation>核桃</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="34"/>
        <source>Chicken</source>
        <translation>鸡肉</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="35"/>
        <source>Beef</source>
        <translation>牛肉</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="36"/>
        <source>Squid</source>
        <translation>鱿鱼</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="37"/>
        <source>Shellfish (oyster, abalone, mussel)</source>
        <translation>贝类（含牡蛎、鲍鱼、贻贝）</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="38"/>
        <source>Pine nut</source>
        <translation>松子</translation>
    </message>
</context>
<context>
    <name>AllergenFilter</name>
    <message>
        <location filename="../qml/AllergenFilter.qml" line="26"/>
        <source>Hide dishes that contain</source>
        <translation>隐藏含有以下成分的菜品</translation>
    </message>
    <message>
        <location filename="../qml/AllergenFilter.qml" line="35"/>
        <source>Based on the restaurant&apos;s labels. Please tell staff about serious allergies.</source>
        <translation>依据餐厅的标注。如有严重过敏，请告知店员。</translation>
    </message>
    <message>
        <location filename="../qml/AllergenFilter.qml" line="68"/>
        <source>Show all dishes</source>
        <translation>显示全部菜品</translation>
    </message>
    <message>
        <location filename="../qml/AllergenFilter.qml" line="76"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>BillSheet</name>
    <message>
        <location filename="../qml/BillSheet.qml" line="28"/>
        <source>Table %1 tablet</source>
        <translation>%1号桌平板</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="30"/>
        <location filename="../qml/BillSheet.qml" line="35"/>
        <source>Staff</source>
        <translation>服务员</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="35"/>
        <location filename="../qml/BillSheet.qml" line="37"/>
        <location filename="../qml/BillSheet.qml" line="38"/>
        <source>Canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="37"/>
        <source>the order was canceled</source>
        <translation>订单已取消</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="42"/>
        <source>The split could not be worked out: the tablet cannot reach the restaurant&apos;s system just now.</source>
        <translation>暂时无法计算分摊金额：平板现在连接不上餐厅的系统。</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="44"/>
        <source>The bill has just changed. Please check who had each item.</source>
        <translation>账单刚刚有变动。请再确认每道菜是谁点的。</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="45"/>
        <source>The split could not be worked out just now. Please ask staff.</source>
        <translation>暂时无法计算分摊金额，请联系服务员。</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="49"/>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="50"/>
        <source>Card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="51"/>
        <source>Bank transfer</source>
        <translation>转账</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="53"/>
        <source>Other payment</source>
        <translation>其他支付</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="65"/>
        <source>Bill</source>
        <translation>账单</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="72"/>
        <source>Table %1</source>
        <translation>%1号桌</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="77"/>
        <location filename="../qml/BillSheet.qml" line="479"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="154"/>
        <source>%1 each</source>
        <translation>单价 %1</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="168"/>
        <location filename="../qml/BillSheet.qml" line="439"/>
        <source>Who had it?</source>
        <translation>谁点的？</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="190"/>
        <source>Loading the bill…</source>
        <translation>正在加载账单…</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="190"/>
        <source>No orders yet.</source>
        <translation>还没有点餐。</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="205"/>
        <source>Discount %1%</source>
        <translation>折扣 %1%</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="205"/>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="237"/>
        <location filename="../qml/BillSheet.qml" line="250"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="472"/>
        <source>Not chosen yet</source>
        <translation>暂不选择</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="222"/>
        <source>Paid</source>
        <translation>已付</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="243"/>
        <source>Paid so far</source>
        <translation>已付金额</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="250"/>
        <source>Left to pay</source>
        <translation>待付金额</translation>
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
        <translation>不分摊</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="168"/>
        <location filename="../qml/BillSheet.qml" line="329"/>
        <location filename="../qml/BillSheet.qml" line="366"/>
        <location filename="../qml/BillSheet.qml" line="462"/>
        <source>Person %1</source>
        <translation>第%1位</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="274"/>
        <source>Split the bill</source>
        <translation>分开付款</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="284"/>
        <source>Evenly</source>
        <translation>平均分</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="291"/>
        <source>By items</source>
        <translation>按菜品</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="336"/>
        <source>In whole won; what is left over is on the first share.</source>
        <translation>按整韩元分摊，余数计入第一份。</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/BillSheet.qml" line="347"/>
        <source>%n item(s) not chosen yet: tap “Who had it?” on each line.</source>
        <translation>
            <numerusform>还有 %n 道菜未选择：请在每道菜上点“谁点的？”。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="374"/>
        <source>Each pays for what they had; discounts and payments so far are shared the same way.</source>
        <translation>各付各的；折扣和已付金额也按同样比例分摊。</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="397"/>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="405"/>
        <source>The bill could not be loaded just now. It is shown as it was last read.</source>
        <translation>暂时无法加载账单，显示的是上次读取的内容。</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="417"/>
        <source>Staff has been asked for the bill</source>
        <translation>已请服务员来结账</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="417"/>
        <source>Ask staff for the bill</source>
        <translation>请服务员来结账</translation>
    </message>
</context>
<context>
    <name>CallButton</name>
    <message>
        <location filename="../qml/CallButton.qml" line="10"/>
        <source>Call staff</source>
        <translation>呼叫服务员</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message numerus="yes">
        <location filename="../qml/CallDialog.qml" line="36"/>
        <source>You have called several times just now. Please try again in %n seconds.</source>
        <translation>
            <numerusform>您刚刚已多次呼叫，请%n秒后再试。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="38"/>
        <source>The call did not go through: the tablet cannot reach the restaurant&apos;s system. Please try again, or raise your hand for staff.</source>
        <translation>呼叫未能送达：平板无法连接餐厅系统。请再试一次，或举手示意服务员。</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="40"/>
        <source>The call did not go through. Please raise your hand for staff.</source>
        <translation>呼叫未能送达，请举手示意服务员。</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="53"/>
        <location filename="../qml/CallDialog.qml" line="161"/>
        <source>Call staff</source>
        <translation>呼叫服务员</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="60"/>
        <source>What do you need?</source>
        <translation>您需要什么？</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="74"/>
        <source>Water</source>
        <translation>水</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="75"/>
        <source>Cutlery &amp; dishes</source>
        <translation>餐具</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="76"/>
        <source>The bill</source>
        <translation>结账</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="77"/>
        <source>Something else</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="110"/>
        <source>Staff is on the way</source>
        <translation>服务员马上就来</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="110"/>
        <source>Called</source>
        <translation>已呼叫</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="132"/>
        <source>What can we bring? (optional)</source>
        <translation>需要什么？（可选）</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="133"/>
        <source>e.g. a child&apos;s chair</source>
        <translation>例如：儿童椅</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="152"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="161"/>
        <source>Calling…</source>
        <translation>正在呼叫…</translation>
    </message>
</context>
<context>
    <name>CallStatusBar</name>
    <message>
        <location filename="../qml/CallStatusBar.qml" line="16"/>
        <source>Water</source>
        <translation>水</translation>
    </message>
    <message>
        <location filename="../qml/CallStatusBar.qml" line="17"/>
        <source>Cutlery &amp; dishes</source>
        <translation>餐具</translation>
    </message>
    <message>
        <location filename="../qml/CallStatusBar.qml" line="18"/>
        <source>The bill</source>
        <translation>结账</translation>
    </message>
    <message>
        <location filename="../qml/CallStatusBar.qml" line="20"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../qml/CallStatusBar.qml" line="52"/>
        <source>Staff is on the way</source>
        <translation>服务员马上就来</translation>
    </message>
    <message>
        <location filename="../qml/CallStatusBar.qml" line="52"/>
        <source>Staff called</source>
        <translation>已呼叫服务员</translation>
    </message>
</context>
<context>
    <name>CartBar</name>
    <message>
        <location filename="../qml/CartBar.qml" line="22"/>
        <source>%1 items in your order</source>
        <translation>已选 %1 份</translation>
    </message>
    <message>
        <location filename="../qml/CartBar.qml" line="23"/>
        <source>Tap a dish to add it</source>
        <translation>点击菜品加入</translation>
    </message>
    <message>
        <location filename="../qml/CartBar.qml" line="48"/>
        <source>View order</source>
        <translation>查看订单</translation>
    </message>
</context>
<context>
    <name>CartLine</name>
    <message>
        <location filename="../qml/CartLine.qml" line="21"/>
        <source>Sold out. Please remove it.</source>
        <translation>已售罄，请删除。</translation>
    </message>
    <message>
        <location filename="../qml/CartLine.qml" line="22"/>
        <source>Not served at this time. Please remove it.</source>
        <translation>当前时段不供应，请删除。</translation>
    </message>
    <message>
        <location filename="../qml/CartLine.qml" line="23"/>
        <source>A choice ran out. Please remove it and choose again.</source>
        <translation>所选选项已售罄，请删除后重新选择。</translation>
    </message>
    <message>
        <location filename="../qml/CartLine.qml" line="24"/>
        <source>The choices changed. Please remove it and choose again.</source>
        <translation>选项已变更，请删除后重新选择。</translation>
    </message>
</context>
<context>
    <name>CartPanel</name>
    <message>
        <location filename="../qml/CartPanel.qml" line="23"/>
        <source>Your order</source>
        <translation>购物车</translation>
    </message>
    <message>
        <location filename="../qml/CartPanel.qml" line="46"/>
        <source>Tap a dish to add it here.</source>
        <translation>点击菜品即可加入这里。</translation>
    </message>
    <message>
        <location filename="../qml/CartPanel.qml" line="59"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../qml/CartPanel.qml" line="79"/>
        <source>Sending your order…</source>
        <translation>正在发送订单…</translation>
    </message>
    <message>
        <location filename="../qml/CartPanel.qml" line="80"/>
        <source>Order %1 items</source>
        <translation>下单 %1 份</translation>
    </message>
    <message>
        <location filename="../qml/CartPanel.qml" line="81"/>
        <source>Order</source>
        <translation>下单</translation>
    </message>
</context>
<context>
    <name>CartRestoreBar</name>
    <message>
        <location filename="../qml/CartRestoreBar.qml" line="22"/>
        <source>Cart emptied.</source>
        <translation>购物车已清空。</translation>
    </message>
    <message>
        <location filename="../qml/CartRestoreBar.qml" line="31"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
</context>
<context>
    <name>CartSheet</name>
    <message>
        <location filename="../qml/CartSheet.qml" line="22"/>
        <source>Your order</source>
        <translation>购物车</translation>
    </message>
    <message>
        <location filename="../qml/CartSheet.qml" line="24"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../qml/CartSheet.qml" line="38"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../qml/CartSheet.qml" line="47"/>
        <source>Order %1 items</source>
        <translation>下单 %1 份</translation>
    </message>
</context>
<context>
    <name>ClearCartButton</name>
    <message>
        <location filename="../qml/ClearCartButton.qml" line="10"/>
        <source>Empty cart</source>
        <translation>清空购物车</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <location filename="../qml/ConnectionBanner.qml" line="12"/>
        <source>Not connected: the restaurant system&apos;s certificate has changed</source>
        <translation>未连接：餐厅系统的证书已更改</translation>
    </message>
    <message>
        <location filename="../qml/ConnectionBanner.qml" line="13"/>
        <source>Offline: reconnecting…</source>
        <translation>已断开：正在重新连接…</translation>
    </message>
    <message>
        <location filename="../qml/ConnectionBanner.qml" line="14"/>
        <source>Staff: set this tablet up again with the new fingerprint.</source>
        <translation>员工：请用新的指纹重新设置此平板。</translation>
    </message>
    <message>
        <location filename="../qml/ConnectionBanner.qml" line="16"/>
        <source>Next try in %1 s. Orders you place are kept and sent once, as soon as we are back.</source>
        <translation>%1 秒后重试。您的订单会被保留，恢复连接后只发送一次。</translation>
    </message>
    <message>
        <location filename="../qml/ConnectionBanner.qml" line="17"/>
        <source>Orders you place are kept and sent once, as soon as we are back.</source>
        <translation>您的订单会被保留，恢复连接后只发送一次。</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message numerus="yes">
        <location filename="../qml/FilterBar.qml" line="22"/>
        <source>Hiding %n dish(es) with the allergens you chose</source>
        <translation>
            <numerusform>已隐藏 %n 道含所选过敏原的菜品</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/FilterBar.qml" line="35"/>
        <source>Allergy filter (%1)</source>
        <translation>过敏原筛选 (%1)</translation>
    </message>
    <message>
        <location filename="../qml/FilterBar.qml" line="35"/>
        <source>Allergy filter</source>
        <translation>过敏原筛选</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../qml/Header.qml" line="33"/>
        <source>Table %1</source>
        <translation>%1 号桌</translation>
    </message>
    <message>
        <location filename="../qml/Header.qml" line="66"/>
        <source>● Connected</source>
        <translation>● 已连接</translation>
    </message>
    <message>
        <location filename="../qml/Header.qml" line="66"/>
        <source>● Offline</source>
        <translation>● 已断开</translation>
    </message>
    <message>
        <location filename="../qml/Header.qml" line="75"/>
        <source>Phone</source>
        <translation>手机点餐</translation>
    </message>
    <message>
        <location filename="../qml/Header.qml" line="84"/>
        <source>My orders (%1)</source>
        <translation>我的订单 (%1)</translation>
    </message>
    <message>
        <location filename="../qml/Header.qml" line="84"/>
        <source>My orders</source>
        <translation>我的订单</translation>
    </message>
    <message>
        <location filename="../qml/Header.qml" line="103"/>
        <source>Staff: set this tablet up again?</source>
        <translation>员工：要重新设置此平板吗？</translation>
    </message>
    <message>
        <location filename="../qml/Header.qml" line="112"/>
        <source>The tablet forgets its table login and shows the setup screen.</source>
        <translation>平板将清除桌台登录并显示设置界面。</translation>
    </message>
    <message>
        <location filename="../qml/Header.qml" line="120"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../qml/Header.qml" line="121"/>
        <source>Set up again</source>
        <translation>重新设置</translation>
    </message>
</context>
<context>
    <name>ItemCard</name>
    <message>
        <location filename="../qml/ItemCard.qml" line="83"/>
        <source>Not now · from %1</source>
        <translation>暂不供应 · %1 起</translation>
    </message>
    <message>
        <location filename="../qml/ItemCard.qml" line="84"/>
        <source>Not available now</source>
        <translation>暂不供应</translation>
    </message>
    <message>
        <location filename="../qml/ItemCard.qml" line="105"/>
        <source>Only %1 left</source>
        <translation>仅剩 %1 份</translation>
    </message>
    <message>
        <location filename="../qml/ItemCard.qml" line="123"/>
        <location filename="../qml/ItemCard.qml" line="193"/>
        <source>Sold out</source>
        <translation>已售罄</translation>
    </message>
    <message>
        <location filename="../qml/ItemCard.qml" line="193"/>
        <source>+ Add</source>
        <translation>+ 加入</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="13"/>
        <source>Table order</source>
        <translation>桌边点餐</translation>
    </message>
</context>
<context>
    <name>MenuScreen</name>
    <message>
        <location filename="../qml/MenuScreen.qml" line="88"/>
        <source>Loading the menu…</source>
        <translation>正在加载菜单…</translation>
    </message>
    <message>
        <location filename="../qml/MenuScreen.qml" line="113"/>
        <source>Order #%1 received. Thank you!</source>
        <translation>订单 #%1 已收到，谢谢！</translation>
    </message>
</context>
<context>
    <name>OptionSheet</name>
    <message>
        <location filename="../qml/OptionSheet.qml" line="26"/>
        <source>Choose 1</source>
        <translation>选 1 项</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="28"/>
        <source>Up to %1</source>
        <translation>最多 %1 项</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="30"/>
        <source>Choose %1</source>
        <translation>选 %1 项</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="31"/>
        <source>Choose %1 to %2</source>
        <translation>选 %1 至 %2 项</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="58"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="143"/>
        <source>Contains these allergens</source>
        <translation>含有以下过敏原</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="144"/>
        <source>No allergens listed. Ask staff if unsure.</source>
        <translation>未标注过敏原。如有疑问请询问店员。</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="192"/>
        <source>Required ✓</source>
        <translation>必选 ✓</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="192"/>
        <source>Required</source>
        <translation>必选</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="193"/>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="266"/>
        <source>Sold out</source>
        <translation>已售罄</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="294"/>
        <source>Request for this dish (optional)</source>
        <translation>对这道菜的要求（可选）</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="295"/>
        <source>e.g. no onions</source>
        <translation>例如：不要洋葱</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="322"/>
        <source>Not available to order right now.</source>
        <translation>目前无法点这道菜。</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="323"/>
        <source>No more left today.</source>
        <translation>今日已售完。</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="324"/>
        <source>Please choose: %1</source>
        <translation>请选择：%1</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="364"/>
        <source>Add · %1</source>
        <translation>加入 · %1</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <location filename="../qml/OrderDialog.qml" line="45"/>
        <source>Check your order</source>
        <translation>请确认您的订单</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="62"/>
        <source>Request for the kitchen (optional)</source>
        <translation>给厨房的要求（可选）</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="63"/>
        <source>e.g. less spicy, no onions</source>
        <translation>例如：少辣、不要洋葱</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="69"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="76"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="85"/>
        <source>Place order</source>
        <translation>确认下单</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="104"/>
        <source>Connection problem. Retrying…</source>
        <translation>连接不稳定，正在重试…</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="105"/>
        <source>Sending your order…</source>
        <translation>正在发送订单…</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="117"/>
        <source>Attempt %1. Next try in %2 s. Your order is kept and will be placed only once.</source>
        <translation>第 %1 次尝试。%2 秒后重试。您的订单会被保留，只会下单一次。</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="119"/>
        <source>Attempt %1. Trying again now. Your order is kept and will be placed only once.</source>
        <translation>第 %1 次尝试，正在重新发送。订单已保留，只会下单一次。</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="143"/>
        <source>Order #%1 received</source>
        <translation>订单 #%1 已收到</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="154"/>
        <source>Kitchen confirmed: the kitchen has your order. Follow it under &quot;My orders&quot;.</source>
        <translation>厨房已确认：厨房已收到您的订单。可在“我的订单”中查看。</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="155"/>
        <source>Order received. Waiting for the kitchen screen to confirm it…</source>
        <translation>订单已收到：正在等待厨房屏幕确认…</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="163"/>
        <source>OK</source>
        <translation>好的</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="173"/>
        <source>The order was not placed</source>
        <translation>订单未提交成功</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="187"/>
        <source>Back to my order</source>
        <translation>返回购物车</translation>
    </message>
</context>
<context>
    <name>OrdersSheet</name>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="19"/>
        <source>Received</source>
        <translation>已接单</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="20"/>
        <source>Cooking</source>
        <translation>制作中</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="22"/>
        <source>Your food is on its way</source>
        <translation>您的餐点马上就到</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="23"/>
        <source>Served</source>
        <translation>已上菜</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="24"/>
        <source>Canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="35"/>
        <source>My orders</source>
        <translation>我的订单</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="36"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="61"/>
        <source>Order #%1</source>
        <translation>订单 #%1</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="78"/>
        <source>Kitchen confirmed</source>
        <translation>厨房已确认</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="117"/>
        <source>No orders yet.</source>
        <translation>还没有订单。</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="125"/>
        <source>This visit so far</source>
        <translation>本次消费合计</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="135"/>
        <source>See the bill and split it</source>
        <translation>查看账单 · 分摊</translation>
    </message>
</context>
<context>
    <name>PhoneDialog</name>
    <message>
        <location filename="../qml/PhoneDialog.qml" line="31"/>
        <source>Order from your phone</source>
        <translation>用手机点餐</translation>
    </message>
    <message>
        <location filename="../qml/PhoneDialog.qml" line="40"/>
        <source>Scan this code with your phone&apos;s camera to see the menu and order for this table on your phone.</source>
        <translation>用手机相机扫描此二维码，即可在手机上查看菜单并为本桌点餐。</translation>
    </message>
    <message>
        <location filename="../qml/PhoneDialog.qml" line="68"/>
        <source>Ordering by phone is not available right now.</source>
        <translation>目前无法使用手机点餐。</translation>
    </message>
    <message>
        <location filename="../qml/PhoneDialog.qml" line="74"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>QrScanView</name>
    <message>
        <location filename="../qml/QrScanView.qml" line="38"/>
        <source>Hold the manager screen&apos;s pairing QR in the square</source>
        <translation>请将管理员界面的配对二维码对准方框</translation>
    </message>
    <message>
        <location filename="../qml/QrScanView.qml" line="47"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SetupScreen</name>
    <message>
        <location filename="../qml/SetupScreen.qml" line="28"/>
        <source>Set up this table&apos;s tablet</source>
        <translation>设置本桌平板</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="37"/>
        <source>For staff. The tablet remembers this until it is set up again.</source>
        <translation>员工专用。平板会记住这些设置，直到重新设置。</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="51"/>
        <source>Pairing QR from the manager screen, or its link</source>
        <translation>管理员界面的配对二维码或链接</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="52"/>
        <source>Pairing link from the manager screen</source>
        <translation>管理员界面的配对链接</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="62"/>
        <source>Scan pairing QR</source>
        <translation>扫描配对二维码</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="70"/>
        <source>Pair</source>
        <translation>配对</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="76"/>
        <source>Or set up by hand with the table&apos;s password:</source>
        <translation>或使用桌台密码手动设置：</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="86"/>
        <source>Edge address</source>
        <translation>门店服务器地址</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="96"/>
        <source>Certificate fingerprint (SHA-256, for https)</source>
        <translation>证书指纹（SHA-256，用于 https）</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="104"/>
        <source>Edge: %1</source>
        <translation>门店服务器：%1</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="115"/>
        <source>Table number</source>
        <translation>桌号</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="123"/>
        <source>Table password</source>
        <translation>桌台密码</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="142"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="142"/>
        <source>Start taking orders</source>
        <translation>开始接单</translation>
    </message>
</context>
<context>
    <name>TagBadge</name>
    <message>
        <location filename="../qml/TagBadge.qml" line="21"/>
        <source>Spicy</source>
        <translation>辣</translation>
    </message>
    <message>
        <location filename="../qml/TagBadge.qml" line="22"/>
        <source>Vegetarian</source>
        <translation>素食</translation>
    </message>
    <message>
        <location filename="../qml/TagBadge.qml" line="23"/>
        <source>New</source>
        <translation>新品</translation>
    </message>
    <message>
        <location filename="../qml/TagBadge.qml" line="24"/>
        <source>Best</source>
        <translation>人气</translation>
    </message>
</context>
<context>
    <name>tableorder::tablet::TabletController</name>
    <message>
        <location filename="../tabletcontroller.cpp" line="238"/>
        <source>Enter the edge address, for example http://192.168.0.10:8080</source>
        <translation>请输入门店服务器地址，例如 http://192.168.0.10:8080</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="240"/>
        <source>Enter a table number from 1 to 9999</source>
        <translation>请输入 1 到 9999 的桌号</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="242"/>
        <source>Enter the table&apos;s password</source>
        <translation>请输入桌台密码</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="258"/>
        <source>Enter the edge&apos;s certificate fingerprint (SHA-256, 64 hex digits) that the manager screen shows</source>
        <translation>请输入管理员界面显示的门店服务器证书指纹（SHA-256，64 位十六进制）</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="299"/>
        <source>The edge&apos;s certificate does not match the fingerprint: check it on the manager screen. Not connected.</source>
        <translation>门店服务器的证书与指纹不符，请在管理员界面核对。未连接。</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="302"/>
        <source>Cannot reach the edge at %1</source>
        <translation>无法连接门店服务器 %1</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="250"/>
        <source>Wrong table number or password</source>
        <translation>桌号或密码错误</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="273"/>
        <source>This is not a pairing link from the manager screen (%1)</source>
        <translation>这不是管理员界面的配对链接（%1）</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="275"/>
        <source>This link has no table: show the pairing QR of a table on the manager screen (Tables, then the table)</source>
        <translation>此链接没有桌台信息：请使用管理员界面（桌台 → 该桌台）的配对二维码</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="286"/>
        <source>This pairing QR was already used. Show a new one on the manager screen.</source>
        <translation>此配对二维码已被使用。请在管理员界面显示新的二维码。</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="288"/>
        <source>This pairing QR has expired or was replaced. Show a new one on the manager screen.</source>
        <translation>此配对二维码已过期或已被替换。请在管理员界面显示新的二维码。</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="291"/>
        <source>The edge does not accept this pairing code for table %1.</source>
        <translation>门店服务器不接受 %1 号桌的此配对码。</translation>
    </message>
    <message numerus="yes">
        <location filename="../tabletcontroller.cpp" line="304"/>
        <source>Too many attempts; wait %n seconds</source>
        <translation>
            <numerusform>尝试次数过多，请等待 %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="306"/>
        <source>The edge refused: %1</source>
        <translation>门店服务器拒绝：%1</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="334"/>
        <source>This tablet&apos;s login is no longer valid. Staff: please set it up again.</source>
        <translation>此平板的登录已失效，请员工重新设置。</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="398"/>
        <source>Not served at this time: %1. Please remove it and order again.</source>
        <translation>当前时段不供应：%1。请删除后重新下单。</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="399"/>
        <location filename="../tabletcontroller.cpp" line="407"/>
        <source>Sold out just now: %1. Please remove it and order again.</source>
        <translation>刚刚售罄：%1。请删除后重新下单。</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="402"/>
        <source>This choice just ran out: %1. Please choose again and order again.</source>
        <translation>所选选项刚刚售罄：%1。请重新选择后再下单。</translation>
    </message>
    <message numerus="yes">
        <location filename="../tabletcontroller.cpp" line="408"/>
        <source>Only %n left of %1. Please lower the quantity and order again.</source>
        <translation>
            <numerusform>%1 仅剩 %n 份，请减少数量后重新下单。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="411"/>
        <source>Please ask a member of staff. (%1)</source>
        <translation>请咨询店员。（%1）</translation>
    </message>
</context>
</TS>
