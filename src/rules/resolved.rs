//! The parameters in force for one household, resolved once.
//!
//! [`Params`] resolves a parameter by name (override → local tier → guidance tier, see
//! [`params`](super::params)). The rules do not ask it by name: every parameter of
//! `data/parameters.json` is resolved once per region, date and set of overrides into one
//! [`ResolvedParams`] — a field per parameter, each with its value, standing, region and source
//! — and the schemes read the field. Households from the same region and date without
//! overrides share one `ResolvedParams` (the data is embedded and never changes while the
//! program runs); a household with overrides gets its own.
//!
//! [`HouseholdParams`] is one household's view: reading a parameter through it records the
//! parameter for the result's parameter list ("the figures this result used").

use super::date::Date;
use super::household::Residence;
use super::params::FnvMap;
use super::params::{catalogue, Params, Provenance, Region, Resolved, Value};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

macro_rules! resolved_params {
    ($($name:ident),+ $(,)?) => {
        /// Every parameter as resolved for one region, date and set of overrides.
        #[derive(Debug)]
        pub struct ResolvedParams {
            /// The region screened for (the most specific level).
            pub region: &'static Region,
            $(pub $name: Resolved,)+
        }

        /// A parameter's position in [`ResolvedParams`] (the bit recording its use).
        #[allow(non_camel_case_types, clippy::enum_variant_names)]
        #[derive(Debug, Clone, Copy)]
        enum Slot {
            $($name,)+
        }

        /// The parameters' names, by [`Slot`].
        const NAMES: &[&str] = &[$(stringify!($name),)+];

        impl ResolvedParams {
            fn resolve(p: &Params) -> ResolvedParams {
                ResolvedParams {
                    region: p.region(),
                    $($name: p.get(stringify!($name)),)+
                }
            }

            /// The field at a slot (for the parameter list, in name order).
            fn at(&self, slot: usize) -> &Resolved {
                const SLOTS: &[Slot] = &[$(Slot::$name,)+];
                match SLOTS[slot] {
                    $(Slot::$name => &self.$name,)+
                }
            }
        }

        impl HouseholdParams {
            $(
                #[doc = concat!("`", stringify!($name), "` (see `data/parameters.json`), recorded as used.")]
                pub fn $name(&self) -> &Resolved {
                    self.mark(Slot::$name);
                    &self.all.$name
                }
            )+
        }
    };
}

resolved_params! {
    dibao_urban_monthly,
    dibao_rural_yearly,
    dibao_rural_class_a_monthly,
    dibao_rural_class_c_monthly,
    tekun_basic_monthly,
    tekun_basic_concentrated_monthly,
    tekun_basic_multiple_of_urban_dibao,
    tekun_care_dispersed_tier1_monthly,
    tekun_care_dispersed_tier2_monthly,
    tekun_care_dispersed_tier3_monthly,
    tekun_care_concentrated_tier1_monthly,
    tekun_care_concentrated_tier2_monthly,
    tekun_care_concentrated_tier3_monthly,
    tekun_minor_age_limit,
    tekun_hearing_speech_level1_counts,
    tekun_bedridden_counts,
    tekun_care_tier_by_disability_level,
    edge_multiple,
    single_person_level4_intellectual_mental,
    single_person_level4_income_multiple,
    single_person_adult_unemployed_severe,
    disposable_income_yearly,
    employment_cost_deduction_monthly,
    rigid_deduction_cap_monthly,
    rigid_expense_ratio,
    rigid_expense_ratio_lowest_published,
    dibao_financial_assets_months,
    dibao_urban_max_homes,
    edge_max_homes,
    edge_financial_assets_multiple_of_disposable_income,
    edge_vehicle_price_limit,
    rigid_financial_assets_months,
    rigid_max_homes,
    rigid_vehicle_price_limit,
    screening_safe_financial_assets_months,
    resident_basic_pension_excluded,
    temporary_relief_emergency_min_multiple,
    temporary_relief_emergency_max_multiple,
    temporary_relief_small_amount_max,
    temporary_relief_expenditure_max_months,
    gradual_exit_min_months,
    gradual_exit_max_months,
    review_working_days,
    review_working_days_delegated,
    review_working_days_extended,
    public_notice_days,
    emergency_relief_first_within_hours,
    single_person_severe_without_edge_condition,
    financial_assets_outer_bound_per_person,
    temporary_relief_emergency_far_above_edge_multiple,
    tekun_basic_rural_from_rural_dibao,
    tekun_concentrated_uplift,
    support_exempt_monitored_households,
    single_person_community_corrections,
    edge_monitored_households_direct,
    near_line_band_floor,
    near_line_band_stale_per_period,
    edge_multiple_highest_seen,
    employment_cost_plausible_share_of_dibao,
}

const _: () = assert!(NAMES.len() <= 128, "the used-parameter set is a u128");

/// Most shared (region, date) resolutions kept before the cache is emptied.
const SHARED_MAX: usize = 1024;

/// A region code short enough to be a cache key without allocating (GB/T 2260 codes are 6
/// digits); longer codes are resolved without the cache.
type Key = ([u8; 12], Date);

thread_local! {
    static SHARED: RefCell<FnvMap<Key, Rc<ResolvedParams>>> = RefCell::new(FnvMap::default());
}

fn key(region: &str, as_of: Date) -> Option<Key> {
    let b = region.as_bytes();
    if b.is_empty() || b.len() > 12 {
        return None;
    }
    let mut k = [0u8; 12];
    k[..b.len()].copy_from_slice(b);
    Some((k, as_of))
}

impl ResolvedParams {
    /// Every parameter for `region` on `as_of` with the household's overrides (already
    /// validated); `None` for an unknown region.
    pub fn new(
        region: &str,
        as_of: Date,
        overrides: BTreeMap<String, Value>,
        provenance: BTreeMap<String, Provenance>,
    ) -> Option<Rc<ResolvedParams>> {
        if !overrides.is_empty() {
            let p = Params::new(region, as_of, overrides)?.with_provenance(provenance);
            return Some(Rc::new(ResolvedParams::resolve(&p)));
        }
        let Some(k) = key(region, as_of) else {
            return Params::new(region, as_of, overrides).map(|p| Rc::new(Self::resolve(&p)));
        };
        if let Some(r) = SHARED.with(|s| s.borrow().get(&k).cloned()) {
            return Some(r);
        }
        let r = Rc::new(Self::resolve(&Params::new(region, as_of, overrides)?));
        SHARED.with(|s| {
            let mut s = s.borrow_mut();
            if s.len() >= SHARED_MAX {
                s.clear();
            }
            s.insert(k, r.clone());
        });
        Some(r)
    }
}

/// One household's parameters: the resolved values, and which of them the rules read.
pub struct HouseholdParams {
    all: Rc<ResolvedParams>,
    used: Cell<u128>,
}

impl HouseholdParams {
    pub fn new(all: Rc<ResolvedParams>) -> HouseholdParams {
        HouseholdParams {
            all,
            used: Cell::new(0),
        }
    }

    fn mark(&self, slot: Slot) {
        self.used.set(self.used.get() | 1 << slot as u32);
    }

    /// The region screened for.
    pub fn region(&self) -> &'static Region {
        self.all.region
    }

    /// The dibao standard for the residence: urban per month, rural per year (recorded as used).
    pub fn dibao_standard(&self, residence: Residence) -> &Resolved {
        match residence {
            Residence::Urban => self.dibao_urban_monthly(),
            Residence::Rural => self.dibao_rural_yearly(),
        }
    }

    /// The 特困 care payment for a tier (1 the highest care need … 3), concentrated or dispersed
    /// support (recorded as used).
    pub fn tekun_care_monthly(&self, concentrated: bool, tier: u8) -> &Resolved {
        match (concentrated, tier) {
            (false, ..=1) => self.tekun_care_dispersed_tier1_monthly(),
            (false, 2) => self.tekun_care_dispersed_tier2_monthly(),
            (false, _) => self.tekun_care_dispersed_tier3_monthly(),
            (true, ..=1) => self.tekun_care_concentrated_tier1_monthly(),
            (true, 2) => self.tekun_care_concentrated_tier2_monthly(),
            (true, _) => self.tekun_care_concentrated_tier3_monthly(),
        }
    }

    /// Every parameter read so far, in name order (the result's parameter list).
    pub fn used(&self) -> Vec<Resolved> {
        let used = self.used.get();
        catalogue()
            .defs
            .values()
            .filter_map(|d| NAMES.iter().position(|n| *n == d.name))
            .filter(|&i| used & (1 << i) != 0)
            .map(|i| self.all.at(i).clone())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_defined_parameter_has_a_field_and_every_field_a_definition() {
        let cat = catalogue();
        for n in NAMES {
            assert!(
                cat.def(n).is_some(),
                "field {n} is not in data/parameters.json"
            );
        }
        for d in cat.defs.values() {
            assert!(
                NAMES.contains(&d.name.as_str()),
                "{} (data/parameters.json) has no field in ResolvedParams",
                d.name
            );
        }
    }

    #[test]
    fn the_fields_are_the_values_params_resolves_by_name() {
        let d = Date::parse("2022-11-01").unwrap();
        let all = ResolvedParams::new("530112", d, BTreeMap::new(), BTreeMap::new()).unwrap();
        let p = Params::new("530112", d, BTreeMap::new()).unwrap();
        for (i, n) in NAMES.iter().enumerate() {
            let (a, b) = (all.at(i), p.get(n));
            assert_eq!(a.def.name, *n);
            assert_eq!((a.value, a.standing), (b.value, b.standing), "{n}");
        }
        assert_eq!(all.dibao_urban_monthly.number(), Some(700.into()));
        // Shared between households of the same region and date.
        let again = ResolvedParams::new("530112", d, BTreeMap::new(), BTreeMap::new()).unwrap();
        assert!(Rc::ptr_eq(&all, &again));
    }

    #[test]
    fn an_override_is_resolved_for_its_household_only() {
        let d = Date::parse("2022-11-01").unwrap();
        let o = BTreeMap::from([("dibao_urban_monthly".to_string(), Value::Number(800.into()))]);
        let own = ResolvedParams::new("530112", d, o, BTreeMap::new()).unwrap();
        let shared = ResolvedParams::new("530112", d, BTreeMap::new(), BTreeMap::new()).unwrap();
        assert_eq!(own.dibao_urban_monthly.number(), Some(800.into()));
        assert_eq!(shared.dibao_urban_monthly.number(), Some(700.into()));
    }

    #[test]
    fn reading_a_parameter_lists_it_once_in_name_order() {
        let d = Date::parse("2022-11-01").unwrap();
        let all = ResolvedParams::new("530112", d, BTreeMap::new(), BTreeMap::new()).unwrap();
        let hp = HouseholdParams::new(all);
        assert!(hp.used().is_empty());
        hp.edge_multiple();
        hp.dibao_urban_monthly();
        hp.edge_multiple();
        let names: Vec<String> = hp.used().iter().map(|r| r.def.name.clone()).collect();
        assert_eq!(names, ["dibao_urban_monthly", "edge_multiple"]);
    }
}
