//! The English names and pinyin of the division tree (`data/divisions.json`, written by
//! `scripts/regions-tree.mjs` with pinyin-pro) checked against official forms, for a sample of
//! names: every polyphonic reading found wrong when the generated names were read by hand
//! (30 Nov 2026), the ones the generator already got right (长治/长子, 重庆, 蚌埠, 六安 …), the
//! one-syllable names (歙县 Shexian County) and the suffixes that are part of a name (碑林区).
//! The expected forms are written here from the sources named, not from the generator's output
//! (docs/coverage.md, "English names").

use jiuzhu::rules::divisions::all;

/// (code, Chinese name, official English name, source).
const SAMPLE: &[(&str, &str, &str, &str)] = &[
    // Read right by pinyin-pro's place-name rules.
    (
        "140400",
        "长治市",
        "Changzhi City",
        "长 cháng; 长治市人民政府",
    ),
    (
        "140428",
        "长子县",
        "Zhangzi County",
        "长 zhǎng: 长子 Zhǎngzǐ, 现代汉语词典",
    ),
    ("430100", "长沙市", "Changsha City", "长沙市人民政府"),
    ("500000", "重庆市", "Chongqing", "重 chóng; 重庆市人民政府"),
    (
        "340300",
        "蚌埠市",
        "Bengbu City",
        "蚌 bèng: 蚌埠 Bèngbù, 现代汉语词典",
    ),
    (
        "341500",
        "六安市",
        "Lu'an City",
        "六 lù: 六安 Lù'ān, 现代汉语词典",
    ),
    (
        "331100",
        "丽水市",
        "Lishui City",
        "丽 lí: 丽水 Líshuǐ, 现代汉语词典",
    ),
    ("532901", "大理市", "Dali City", "大理市人民政府"),
    (
        "440113",
        "番禺区",
        "Panyu District",
        "番 pān: 番禺 Pānyú, 现代汉语词典",
    ),
    (
        "361124",
        "铅山县",
        "Yanshan County",
        "铅 yán: 铅山 Yánshān, 现代汉语词典",
    ),
    (
        "410182",
        "荥阳市",
        "Xingyang City",
        "荥 xíng: 荥阳 Xíngyáng, 现代汉语词典",
    ),
    (
        "511822",
        "荥经县",
        "Yingjing County",
        "荥 yíng: 荥经 Yíngjīng, 现代汉语词典",
    ),
    (
        "371524",
        "东阿县",
        "Dong'e County",
        "阿 ē: 东阿 Dōng'ē, 现代汉语词典",
    ),
    (
        "321003",
        "邗江区",
        "Hanjiang District",
        "邗 hán, 现代汉语词典",
    ),
    (
        "350200",
        "厦门市",
        "Xiamen City",
        "厦 xià: 厦门 Xiàmén, 现代汉语词典",
    ),
    ("510100", "成都市", "Chengdu City", "成都市人民政府"),
    (
        "532300",
        "楚雄彝族自治州",
        "Chuxiong Yi Autonomous Prefecture",
        "楚雄州人民政府",
    ),
    // Polyphonic characters that pinyin-pro read wrong (corrected in OVERRIDES / CHAR_READINGS).
    (
        "140924",
        "繁峙县",
        "Fanshi County",
        "峙 shì: 繁峙 Fánshì, 现代汉语词典",
    ),
    (
        "141024",
        "洪洞县",
        "Hongtong County",
        "洞 tóng: 洪洞 Hóngtóng, 现代汉语词典",
    ),
    (
        "130225",
        "乐亭县",
        "Laoting County",
        "乐 lào: 乐亭 Làotíng, 现代汉语词典",
    ),
    (
        "330382",
        "乐清市",
        "Yueqing City",
        "乐 yuè: 乐清 Yuèqīng; 乐清市人民政府",
    ),
    ("620722", "民乐县", "Minle County", "乐 lè; 民乐县人民政府"),
    (
        "130726",
        "蔚县",
        "Yuxian County",
        "蔚 yù: 蔚县 Yùxiàn, 现代汉语词典",
    ),
    (
        "341021",
        "歙县",
        "Shexian County",
        "歙 shè: 歙县 Shèxiàn, 现代汉语词典",
    ),
    (
        "371722",
        "单县",
        "Shanxian County",
        "单 shàn: 单县 Shànxiàn, 现代汉语词典",
    ),
    (
        "371522",
        "莘县",
        "Shenxian County",
        "莘 shēn: 莘县 Shēnxiàn, 现代汉语词典",
    ),
    (
        "410621",
        "浚县",
        "Xunxian County",
        "浚 xùn: 浚县 Xùnxiàn, 现代汉语词典",
    ),
    (
        "411726",
        "泌阳县",
        "Biyang County",
        "泌 bì: 泌阳 Bìyáng, 现代汉语词典",
    ),
    (
        "341621",
        "涡阳县",
        "Guoyang County",
        "涡 guō: 涡阳 Guōyáng, 现代汉语词典",
    ),
    (
        "420116",
        "黄陂区",
        "Huangpi District",
        "陂 pí: 黄陂 Huángpí, 现代汉语词典",
    ),
    (
        "441422",
        "大埔县",
        "Dabu County",
        "埔 bù: 大埔 Dàbù, 现代汉语词典",
    ),
    (
        "610829",
        "吴堡县",
        "Wubu County",
        "堡 bǔ: 吴堡 Wúbǔ, 现代汉语词典",
    ),
    (
        "621223",
        "宕昌县",
        "Tanchang County",
        "宕 tàn: 宕昌 Tànchāng, 现代汉语词典",
    ),
    (
        "411104",
        "召陵区",
        "Shaoling District",
        "召 shào: 召陵 Shàolíng, 现代汉语词典",
    ),
    (
        "652823",
        "尉犁县",
        "Yuli County",
        "尉 yù: 尉犁 Yùlí, 现代汉语词典",
    ),
    (
        "222404",
        "珲春市",
        "Hunchun City",
        "珲 hún: 珲春 Húnchūn, 现代汉语词典",
    ),
    (
        "511527",
        "筠连县",
        "Junlian County",
        "筠 jūn: 筠连 Jūnlián, 现代汉语词典",
    ),
    (
        "320116",
        "六合区",
        "Luhe District",
        "六 lù: 六合 Lùhé, 现代汉语词典",
    ),
    (
        "410122",
        "中牟县",
        "Zhongmou County",
        "牟 móu: 中牟 Zhōngmóu, 现代汉语词典",
    ),
    (
        "532323",
        "牟定县",
        "Mouding County",
        "牟 móu: 牟定 Móudìng; 楚雄州人民政府",
    ),
    (
        "131025",
        "大城县",
        "Dacheng County",
        "大 dà; 大城县人民政府",
    ),
    (
        "421303",
        "曾都区",
        "Zengdu District",
        "曾 zēng; 随州市曾都区人民政府",
    ),
    ("340303", "蚌山区", "Bengshan District", "蚌 bèng, as 蚌埠"),
    (
        "510117",
        "郫都区",
        "Pidu District",
        "都 dū; 成都市郫都区人民政府",
    ),
    (
        "510682",
        "什邡市",
        "Shifang City",
        "什 shí: 什邡 Shífāng, 现代汉语词典",
    ),
    (
        "231085",
        "穆棱市",
        "Muling City",
        "棱 líng: 穆棱 Mùlíng, 现代汉语词典",
    ),
    // A suffix that is part of the name, not "Forestry District" / "New Area".
    (
        "140109",
        "万柏林区",
        "Wanbailin District",
        "太原市万柏林区人民政府",
    ),
    (
        "610103",
        "碑林区",
        "Beilin District",
        "西安市碑林区人民政府",
    ),
    (
        "441803",
        "清新区",
        "Qingxin District",
        "清远市清新区人民政府",
    ),
    (
        "429021",
        "神农架林区",
        "Shennongjia Forestry District",
        "神农架林区人民政府",
    ),
    // Official names that are not the pinyin.
    (
        "533401",
        "香格里拉市",
        "Shangri-La City",
        "香格里拉市人民政府",
    ),
    ("150100", "呼和浩特市", "Hohhot", "呼和浩特市人民政府"),
    ("610000", "陕西省", "Shaanxi Province", "陕西省人民政府"),
    (
        "150800",
        "巴彦淖尔市",
        "Bayannur City",
        "巴彦淖尔市人民政府",
    ),
];

/// Pinyin the picker's search must find (the syllables of the place name's reading).
const PINYIN: &[(&str, &str)] = &[
    ("140924", "fan shi xian"),
    ("141024", "hong tong xian"),
    ("130225", "lao ting xian"),
    ("341021", "she xian"),
    ("371722", "shan xian"),
    ("510117", "pi du qu"),
    ("510682", "shi fang shi"),
    ("532323", "mou ding xian"),
];

#[test]
fn a_sample_of_english_names_matches_the_official_forms() {
    let tree = all();
    let mut wrong = Vec::new();
    for (code, zh, en, source) in SAMPLE {
        let d = tree
            .iter()
            .find(|d| d.code == *code)
            .unwrap_or_else(|| panic!("{code} {zh} is not in the tree"));
        assert_eq!(d.name_zh, *zh, "{code}");
        if d.name_en != *en {
            wrong.push(format!(
                "{code} {zh}: \"{}\", official \"{en}\" ({source})",
                d.name_en
            ));
        }
    }
    assert!(SAMPLE.len() >= 40);
    assert!(wrong.is_empty(), "English names:\n{}", wrong.join("\n"));
}

#[test]
fn the_search_pinyin_follows_the_place_name_reading() {
    for (code, py) in PINYIN {
        let d = all().iter().find(|d| d.code == *code).unwrap();
        assert_eq!(d.pinyin, *py, "{code} {}", d.name_zh);
    }
    // 都 is dū and 什 shí in every division name (成都, 花都, 喀什, 阿图什).
    for d in all() {
        for (i, c) in d.name_zh.chars().enumerate() {
            let syllable = d.pinyin.split(' ').nth(i).unwrap_or("");
            match c {
                '都' => assert_eq!(syllable, "du", "{} {}", d.code, d.name_zh),
                '什' => assert_eq!(syllable, "shi", "{} {}", d.code, d.name_zh),
                _ => {}
            }
        }
    }
}
