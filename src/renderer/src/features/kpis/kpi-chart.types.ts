// The ratio KPIs the windows carry (names shared by the chart and its denominators line).
export type KpiRatioKey = 'viewToCart' | 'cartToCheckout' | 'aov' | 'paymentErrorRate';
