//! The amount test of the fake-products crime: 刑法 Art. 140 (生产、销售伪劣
//! 产品罪), which Art. 149 applies to the products of Arts. 141–148 that do
//! not make those crimes, with the filing standard of
//! 《最高人民检察院、公安部关于公安机关管辖的刑事案件立案追诉标准的规定（一）》
//! Art. 16.
//!
//! - Art. 140: sales amount ≥ 50,000 CNY ("五万元以上").
//! - Filing standard Art. 16: unsold value ≥ 150,000 CNY (attempt), or
//!   3 × sales + unsold value ≥ 150,000 CNY.
//!
//! "以上" includes the figure, "不满" excludes it. Whether the product is a
//! fake, and which article the plugin cites for a met sales amount, stay
//! with the plugin.

/// 刑法 Art. 140 / 149: sales amount from which the fake-product crime is met.
pub const FAKE_PRODUCT_SALES: f64 = 50_000.0;
/// Filing standard (一) Art. 16: unsold value from which to file (attempt).
pub const FAKE_PRODUCT_UNSOLD: f64 = 150_000.0;
/// Filing standard (一) Art. 16: multiplier of the sold amount added to the
/// unsold value.
pub const SOLD_MULTIPLIER: f64 = 3.0;

/// Which limb of the amount test a case meets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limb {
    /// 刑法 Art. 140: sales ≥ [`FAKE_PRODUCT_SALES`]; cite the statute.
    Sales,
    /// Filing standard Art. 16: unsold value ≥ [`FAKE_PRODUCT_UNSOLD`].
    Unsold,
    /// Filing standard Art. 16: 3 × sales + unsold value ≥
    /// [`FAKE_PRODUCT_UNSOLD`].
    Combined,
}

/// The outcome of the amount test.
#[derive(Debug, Clone, PartialEq)]
pub struct AmountTest {
    /// The limb met, first in the order sales, unsold, combined; `None`
    /// when no limb is met (cite the filing standard).
    pub limb: Option<Limb>,
    /// The figures that decided, e.g. "销售金额 50000 元 ≥ 50000 元".
    pub figures: String,
}

/// Applies the amount test to a case's sales amount and unsold value (CNY).
pub fn amount_test(sales: f64, unsold: f64) -> AmountTest {
    let (limb, figures) = if sales >= FAKE_PRODUCT_SALES {
        (
            Some(Limb::Sales),
            format!("销售金额 {sales} 元 ≥ {FAKE_PRODUCT_SALES} 元"),
        )
    } else if unsold >= FAKE_PRODUCT_UNSOLD {
        (
            Some(Limb::Unsold),
            format!("尚未销售的货值金额 {unsold} 元 ≥ {FAKE_PRODUCT_UNSOLD} 元"),
        )
    } else {
        let combined = SOLD_MULTIPLIER * sales + unsold;
        if combined >= FAKE_PRODUCT_UNSOLD {
            (
                Some(Limb::Combined),
                format!(
                    "销售金额 {sales} 元不满 {FAKE_PRODUCT_SALES} 元，但 {SOLD_MULTIPLIER} × {sales} + 货值 {unsold} = {combined} 元 ≥ {FAKE_PRODUCT_UNSOLD} 元"
                ),
            )
        } else {
            (
                None,
                format!(
                    "销售金额 {sales} 元 < {FAKE_PRODUCT_SALES} 元，货值 {unsold} 元 < {FAKE_PRODUCT_UNSOLD} 元，{SOLD_MULTIPLIER} × {sales} + {unsold} = {combined} 元 < {FAKE_PRODUCT_UNSOLD} 元"
                ),
            )
        }
    };
    AmountTest { limb, figures }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limb(sales: f64, unsold: f64) -> Option<Limb> {
        amount_test(sales, unsold).limb
    }

    #[test]
    fn sales_from_50_000() {
        assert_eq!(limb(50_000.0, 0.0), Some(Limb::Sales));
        assert_eq!(limb(49_999.99, 0.0), None);
        assert_eq!(limb(50_000.01, 0.0), Some(Limb::Sales));
    }

    #[test]
    fn unsold_from_150_000() {
        assert_eq!(limb(0.0, 150_000.0), Some(Limb::Unsold));
        assert_eq!(limb(0.0, 149_999.99), None);
        assert_eq!(limb(0.0, 150_000.01), Some(Limb::Unsold));
    }

    #[test]
    fn three_times_sold_plus_unsold_from_150_000() {
        assert_eq!(limb(40_000.0, 30_000.0), Some(Limb::Combined));
        assert_eq!(limb(40_000.0, 29_999.0), None);
        assert_eq!(limb(40_000.0, 30_001.0), Some(Limb::Combined));
        assert_eq!(
            amount_test(40_000.0, 29_999.0).figures,
            "销售金额 40000 元 < 50000 元，货值 29999 元 < 150000 元，3 × 40000 + 29999 = 149999 元 < 150000 元"
        );
        assert_eq!(
            amount_test(40_000.0, 30_000.0).figures,
            "销售金额 40000 元不满 50000 元，但 3 × 40000 + 货值 30000 = 150000 元 ≥ 150000 元"
        );
    }
}
