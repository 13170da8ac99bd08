//! Finding a place by what a resident types: Chinese (五华, 楚雄, 香格里拉), pinyin (wuhua,
//! xianggelila) or its initials (whq, xgll), in the division tree ([`crate::rules::divisions`]).
//! Pure logic, shared by the place picker (`src/ui/screens/place.rs`) and its native tests.

use crate::rules::divisions::{level, Division};

/// The tree with lookups by code and by parent, for the picker.
pub struct Tree {
    /// Sorted by code.
    pub list: Vec<Division>,
    /// Search keys per division: pinyin without spaces, initials.
    keys: Vec<(String, String)>,
}

/// One match: the division and its city and province, for the list.
#[derive(Debug, Clone, PartialEq)]
pub struct Match<'a> {
    pub division: &'a Division,
    /// The prefecture, for a county under one.
    pub city: Option<&'a Division>,
    /// The province, for a prefecture or a county.
    pub province: Option<&'a Division>,
}

/// Latin letters in lower case, without spaces, apostrophes or hyphens; ü as v. (ASCII case
/// folding only: pinyin is ASCII, and Unicode tables would grow the wasm.)
fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\'' | '’' | '-' | '·'))
        .map(|c| {
            if c == 'ü' {
                'v'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

impl Tree {
    /// `list` must be sorted by code (as [`crate::rules::divisions::parse`] returns it).
    pub fn new(list: Vec<Division>) -> Tree {
        let keys = list
            .iter()
            .map(|d| {
                let initials = d
                    .pinyin
                    .split(' ')
                    .filter_map(|s| s.chars().next())
                    .collect();
                (fold(&d.pinyin), initials)
            })
            .collect();
        Tree { list, keys }
    }

    pub fn get(&self, code: &str) -> Option<&Division> {
        self.list
            .binary_search_by(|d| d.code.as_str().cmp(code))
            .ok()
            .map(|i| &self.list[i])
    }

    /// The divisions directly under `parent` (`000000` for the provinces), by code.
    pub fn children(&self, parent: &str) -> Vec<&Division> {
        self.list.iter().filter(|d| d.parent == parent).collect()
    }

    /// The province, prefecture and county of `code` (each if any).
    pub fn levels(&self, code: &str) -> [Option<&Division>; 3] {
        let mut out = [None, None, None];
        let mut cur = self.get(code);
        while let Some(d) = cur {
            let slot = match level(&d.code) {
                "province" => 0,
                "prefecture" => 1,
                _ => 2,
            };
            out[slot] = Some(d);
            cur = self.get(&d.parent);
        }
        out
    }

    /// Divisions matching `query`, best first, at most `limit`: a name that starts with the
    /// query (or its pinyin does), then one that contains it (or its English name starts with
    /// it), then initials that start with it. Within a rank by level (province, prefecture,
    /// county), then by code, so 楚雄 lists the prefecture before 楚雄市.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Match<'_>> {
        let q = fold(query.trim());
        if q.is_empty() {
            return Vec::new();
        }
        let latin = q.chars().all(|c| c.is_ascii_alphanumeric());
        // Buckets by (rank, level) instead of a sort (less code in the wasm); within a bucket
        // the tree's code order.
        let mut buckets: [Vec<usize>; 9] = Default::default();
        for (i, d) in self.list.iter().enumerate() {
            let rank = if d.name_zh.starts_with(&q) || d.code == q {
                0
            } else if d.name_zh.contains(&q) {
                1
            } else if latin && q.len() >= 2 && self.keys[i].0.starts_with(&q) {
                0
            } else if latin && q.len() >= 2 && self.keys[i].1.starts_with(&q) {
                2
            } else if latin && q.len() >= 3 && fold(&d.name_en).starts_with(&q) {
                1
            } else {
                continue;
            };
            let depth = match level(&d.code) {
                "province" => 0,
                "prefecture" => 1,
                _ => 2,
            };
            buckets[rank * 3 + depth].push(i);
        }
        buckets
            .iter()
            .flatten()
            .take(limit)
            .map(|&i| {
                let d = &self.list[i];
                let [province, city, _] = self.levels(&d.code);
                Match {
                    division: d,
                    city: city.filter(|c| c.code != d.code),
                    province: province.filter(|p| p.code != d.code),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::divisions::all;

    fn tree() -> Tree {
        Tree::new(all().to_vec())
    }

    fn first(t: &Tree, q: &str) -> String {
        t.search(q, 10)
            .first()
            .map(|m| m.division.code.clone())
            .unwrap_or_default()
    }

    #[test]
    fn finds_by_chinese_pinyin_and_initials() {
        let t = tree();
        // Two places are called 五华: 广东 梅州市五华县 and 云南 昆明市五华区; both are offered.
        let wuhua: Vec<_> = t
            .search("五华", 10)
            .iter()
            .map(|m| m.division.code.clone())
            .collect();
        assert_eq!(wuhua, ["441424", "530102"]);
        assert_eq!(first(&t, "楚雄"), "532300");
        assert_eq!(first(&t, "香格里拉"), "533401");
        assert_eq!(first(&t, "xianggelila"), "533401");
        assert_eq!(first(&t, "Xiang Ge Li La"), "533401");
        assert_eq!(first(&t, "shangri-la"), "533401");
        assert_eq!(first(&t, "xgll"), "533401");
        assert!(t
            .search("wuhua", 10)
            .iter()
            .any(|m| m.division.code == "530102"));
        assert!(t
            .search("天河", 10)
            .iter()
            .any(|m| m.division.code == "440106"));
        assert!(t.search("", 10).is_empty());
        assert!(t.search("zzzzqqq", 10).is_empty());
    }

    #[test]
    fn a_match_names_its_city_and_province() {
        let t = tree();
        let m = &t.search("五华区", 10)[0];
        assert_eq!(m.division.name_zh, "五华区");
        assert_eq!(m.city.map(|c| c.name_zh.as_str()), Some("昆明市"));
        assert_eq!(m.province.map(|c| c.name_zh.as_str()), Some("云南省"));
        // A county directly under its province: no city.
        let m = &t.search("仙桃", 10)[0];
        assert_eq!(m.city, None);
        assert_eq!(m.province.map(|c| c.code.as_str()), Some("420000"));
    }

    #[test]
    fn levels_and_children_follow_the_tree() {
        let t = tree();
        let [p, c, k] = t.levels("530102");
        assert_eq!(
            [p, c, k].map(|d| d.map(|d| d.code.as_str())),
            [Some("530000"), Some("530100"), Some("530102")]
        );
        assert_eq!(t.children("000000").len(), 31);
        assert!(t.children("530100").iter().any(|d| d.code == "530102"));
        assert!(t.children("110000").iter().any(|d| d.code == "110101"));
    }
}
