//! Finding a place by what a resident types: Chinese (五华, 楚雄, 香格里拉), pinyin (wuhua,
//! xianggelila) or its initials (whq, xgll), in the division tree ([`crate::rules::divisions`]).
//! Pure logic, shared by the place picker (`src/ui/screens/place.rs`) and its native tests.
//! [`Limit`]: a portal's restriction of the places that may be picked (`allowedRegions`).

use crate::rules::divisions::{is_division, level, Division};

/// The places a portal lets its residents pick (`allowedRegions`, docs/embedding.md): one or
/// more divisions, each with everything under it. Empty: anywhere.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Limit {
    /// Six-digit division codes, as given (a prefix `5323` is stored as `532300`).
    roots: Vec<String>,
}

/// The most places a restriction may name (the error message says 100).
pub const MAX_LIMIT: usize = 100;

/// The significant digits of a code: `53` for 530000, `5323` for 532300, all six for a county.
fn stem(code: &str) -> &str {
    match level(code) {
        "national" => "",
        "province" => &code[..2],
        "prefecture" => &code[..4],
        _ => code,
    }
}

impl Limit {
    /// Reads `532300`, `5323 5334`, `53,6201` …: division codes, or their first two (province)
    /// or four (prefecture) digits, separated by spaces, commas or 、. Each must be a division of
    /// the tree. The error says which entry and why, in Chinese and English.
    pub fn parse(text: &str) -> Result<Limit, (String, String)> {
        let mut roots = Vec::new();
        for part in text
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '，' | '、' | ';'))
            .filter(|s| !s.is_empty())
        {
            let digits = part.len() <= 6 && part.bytes().all(|b| b.is_ascii_digit());
            let code = match part.len() {
                2 if digits => [part, "0000"].concat(),
                4 if digits => [part, "00"].concat(),
                _ => part.to_string(),
            };
            if !(digits && is_division(&code)) {
                // At most 20 characters of it (joined, not `format!`: less code in the wasm).
                let end = part.char_indices().nth(20).map_or(part.len(), |(i, _)| i);
                let shown = &part[..end];
                return Err((
                    ["`", shown, "` 不是行政区划代码：须为6位代码（如 532300），或省的前2位、市（州）的前4位（如 53、5323）"].concat(),
                    ["`", shown, "` is not a division code: give 6 digits (e.g. 532300), or the first 2 digits of a province or 4 of a prefecture (e.g. 53, 5323)"].concat(),
                ));
            }
            if !roots.contains(&code) {
                roots.push(code);
            }
        }
        if roots.len() > MAX_LIMIT {
            return Err(("最多100个地区".into(), "at most 100 places".into()));
        }
        Ok(Limit { roots })
    }

    /// No restriction.
    pub fn is_none(&self) -> bool {
        self.roots.is_empty()
    }

    /// The places named (six-digit codes).
    pub fn roots(&self) -> &[String] {
        &self.roots
    }

    /// Whether `code` may be picked: one of the places or under one (always, without a
    /// restriction). The national level `000000` and an empty code are not under any.
    pub fn allows(&self, code: &str) -> bool {
        self.is_none()
            || (code.len() == 6
                && code != "000000"
                && self.roots.iter().any(|r| code.starts_with(stem(r))))
    }

    /// Whether `code` leads to a place that may be picked: allowed, or above one (云南省 when
    /// only 楚雄州 is allowed), so the menus can offer it on the way down.
    pub fn reaches(&self, code: &str) -> bool {
        self.allows(code)
            || (code.len() == 6 && self.roots.iter().any(|r| r.starts_with(stem(code))))
    }
}

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
        self.search_in(query, limit, &Limit::default())
    }

    /// [`Tree::search`] among the places `within` allows.
    pub fn search_in(&self, query: &str, limit: usize, within: &Limit) -> Vec<Match<'_>> {
        let q = fold(query.trim());
        if q.is_empty() {
            return Vec::new();
        }
        let latin = q.chars().all(|c| c.is_ascii_alphanumeric());
        // Buckets by (rank, level) instead of a sort (less code in the wasm); within a bucket
        // the tree's code order.
        let mut buckets: [Vec<usize>; 9] = Default::default();
        for (i, d) in self.list.iter().enumerate() {
            if !within.allows(&d.code) {
                continue;
            }
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

    #[test]
    fn corrected_readings_are_found_by_pinyin() {
        let t = tree();
        assert_eq!(first(&t, "fanshi"), "140924");
        assert_eq!(first(&t, "繁峙"), "140924");
        assert_eq!(first(&t, "hongtong"), "141024");
        assert_eq!(first(&t, "laoting"), "130225");
        assert_eq!(first(&t, "pidu"), "510117");
        assert!(t
            .search("fanzhi", 10)
            .iter()
            .all(|m| m.division.code != "140924"));
    }

    #[test]
    fn a_limit_reads_codes_and_prefixes() {
        let l = Limit::parse("5323").unwrap();
        assert_eq!(l.roots(), ["532300"]);
        let l = Limit::parse(" 532300, 533400、530102 53 ").unwrap();
        assert_eq!(l.roots(), ["532300", "533400", "530102", "530000"]);
        assert_eq!(Limit::parse("5323 5323").unwrap().roots().len(), 1);
        assert!(Limit::parse("").unwrap().is_none());
        assert!(Limit::parse(" , ").unwrap().is_none());
        for bad in [
            "999999", "530199", "5399", "532", "chuxiong", "楚雄", "5323001", "99",
        ] {
            let (zh, en) = Limit::parse(bad).unwrap_err();
            assert!(zh.contains(bad), "{zh}");
            assert!(en.contains("is not a division code"), "{en}");
        }
        let many = (0..=MAX_LIMIT)
            .map(|_| "532301")
            .collect::<Vec<_>>()
            .join(" ");
        assert!(Limit::parse(&many).is_ok(), "duplicates count once");
        let distinct: Vec<&str> = all()
            .iter()
            .take(MAX_LIMIT + 1)
            .map(|d| d.code.as_str())
            .collect();
        assert_eq!(
            Limit::parse(&distinct.join(",")).unwrap_err().1,
            "at most 100 places"
        );
    }

    #[test]
    fn a_limit_allows_the_places_under_it_and_leads_to_them() {
        let l = Limit::parse("5323 530102").unwrap();
        for ok in ["532300", "532301", "532331", "530102"] {
            assert!(l.allows(ok), "{ok}");
        }
        for no in ["530000", "530100", "530103", "533400", "000000", "", "5323"] {
            assert!(!l.allows(no), "{no}");
        }
        // The menus pass through the province and the city on the way down.
        for via in ["530000", "530100", "532300", "530102"] {
            assert!(l.reaches(via), "{via}");
        }
        for no in ["520000", "530300", "530103"] {
            assert!(!l.reaches(no), "{no}");
        }
        assert!(Limit::default().allows("440106"));
        // A county directly under its province (湖北 仙桃) is under the province.
        assert!(Limit::parse("42").unwrap().allows("429004"));
    }

    #[test]
    fn a_limited_search_lists_only_the_allowed_places() {
        let t = tree();
        let l = Limit::parse("5323").unwrap();
        // 五华: 广东 梅州 五华县 and 昆明 五华区; neither is in 楚雄州.
        assert!(t.search_in("五华", 10, &l).is_empty());
        let chuxiong: Vec<_> = t
            .search_in("楚雄", 10, &l)
            .iter()
            .map(|m| m.division.code.clone())
            .collect();
        assert_eq!(chuxiong, ["532300", "532301"]);
        assert_eq!(t.search_in("mouding", 10, &l)[0].division.code, "532323");
        // Everything listed for a broad query is in 楚雄州.
        let all = t.search_in("县", 50, &Limit::parse("5323 5334").unwrap());
        assert!(all.len() >= 8);
        assert!(all
            .iter()
            .all(|m| m.division.code.starts_with("5323") || m.division.code.starts_with("5334")));
    }
}
