//! Market entities, area codes and industries.

use jianguan::NaiveDate;
use jianguan::entity::{
    EntityKind, EntityStatus, Industry, MarketEntity, RegionCode, RegionCodeError, TolerancePeriod,
    Uscc,
};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn pingdu_shop() -> MarketEntity {
    MarketEntity {
        uscc: Uscc::with_check_character("92370283MA3C4D5E6").unwrap(),
        name: "平度市南村镇惠民超市".into(),
        kind: EntityKind::IndividualBusiness,
        region: RegionCode::PINGDU,
        township: Some("南村镇".into()),
        industries: vec![Industry::FoodSales],
        registered_on: d("2019-03-12"),
        status: EntityStatus::Operating,
        tolerance: None,
    }
}

#[test]
fn region_codes() {
    assert_eq!(RegionCode::PINGDU.name(), Some("山东省青岛市平度市"));
    assert_eq!(RegionCode::parse("370000").unwrap().name(), Some("山东省"));
    let qingdao = RegionCode::parse("370200").unwrap();
    assert!(RegionCode::PINGDU.is_within(&qingdao));
    assert!(RegionCode::PINGDU.is_within(&RegionCode::parse("370000").unwrap()));
    assert!(!RegionCode::PINGDU.is_within(&RegionCode::parse("440300").unwrap()));
    assert_eq!(RegionCode::parse("37028"), Err(RegionCodeError::Shape));
    assert_eq!(RegionCode::parse("37028x"), Err(RegionCodeError::Shape));
    assert_eq!(RegionCode::parse("990283").unwrap().province_name(), None);
    assert!(RegionCode::parse("990283").unwrap().warning().is_some());
    assert_eq!(RegionCode::PINGDU.warning(), None);
}

#[test]
fn entity_validation_names_the_field() {
    assert_eq!(pingdu_shop().validate(), Ok(()));

    let mut e = pingdu_shop();
    e.kind = EntityKind::Enterprise;
    let err = e.validate().unwrap_err();
    assert_eq!(err.field, "kind");
    assert!(err.to_string().contains("\"92\""), "{err}");

    let mut e = pingdu_shop();
    e.name = "  ".into();
    assert_eq!(e.validate().unwrap_err().field, "name");

    let mut e = pingdu_shop();
    e.industries = vec![Industry::FoodSales, Industry::Catering, Industry::FoodSales];
    assert_eq!(e.validate().unwrap_err().field, "industries");

    let mut e = pingdu_shop();
    e.tolerance = Some(TolerancePeriod {
        from: d("2026-01-01"),
        to: d("2025-12-31"),
        reason: "网络直播营销".into(),
    });
    assert_eq!(e.validate().unwrap_err().field, "tolerance");
}

/// Pingdu plan §(九): a tolerance period (包容期) covers its first and last day.
#[test]
fn tolerance_period_bounds() {
    let mut e = pingdu_shop();
    e.tolerance = Some(TolerancePeriod {
        from: d("2026-01-01"),
        to: d("2026-12-31"),
        reason: "无人零售新业态".into(),
    });
    assert!(!e.in_tolerance_period(d("2025-12-31")));
    assert!(e.in_tolerance_period(d("2026-01-01")));
    assert!(e.in_tolerance_period(d("2026-12-31")));
    assert!(!e.in_tolerance_period(d("2027-01-01")));
}

#[test]
fn industries_parse_and_name_the_unknown() {
    for i in Industry::all() {
        assert_eq!(i.id().parse::<Industry>().unwrap(), i);
    }
    assert_eq!(Industry::DrugRetail.name_zh(), "药品零售");
    let e = "bakery".parse::<Industry>().unwrap_err();
    assert!(
        e.to_string().starts_with("unknown industry \"bakery\""),
        "{e}"
    );
}

#[test]
fn entity_json_round_trip_rejects_bad_code() {
    let e = pingdu_shop();
    let json = serde_json::to_string(&e).unwrap();
    let back: MarketEntity = serde_json::from_str(&json).unwrap();
    assert_eq!(back, e);
    let bad = json.replace(e.uscc.as_str(), "92370283MA3C4D5E6A");
    assert!(serde_json::from_str::<MarketEntity>(&bad).is_err());
}
