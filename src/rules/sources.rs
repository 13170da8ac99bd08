//! The documents the rules cite, so every reason names its source the same way.

use super::outcome::Source;

fn src(document: &'static str, article: &'static str) -> Source {
    Source {
        document: document.into(),
        article: if article.is_empty() {
            None
        } else {
            Some(article.into())
        },
    }
}

pub const INTERIM_MEASURES: &str = "社会救助暂行办法（国务院令第649号，2019年修订）";
pub const DIBAO_REVIEW_2021: &str = "最低生活保障审核确认办法（民发〔2021〕57号）";
pub const TEKUN_2021: &str = "特困人员认定办法（民发〔2021〕43号）";
pub const NOTICE_2020: &str =
    "关于进一步做好困难群众基本生活保障工作的通知（民政部、财政部，2020年7月）";
pub const NOTICE_2022_83: &str =
    "关于进一步做好最低生活保障等社会救助兜底保障工作的通知（民发〔2022〕83号）";
pub const RIGID_2024: &str = "刚性支出困难家庭认定办法（民政部，2025-01-01施行）";
pub const TEMP_RELIEF_2018: &str = "关于进一步加强和改进临时救助工作的意见（2018）";
pub const SEED_XISHAN: &str = "西民函〔2022〕55号（昆明市西山区民政局）";
pub const SEED_CHUXIONG: &str = "楚民发〔2023〕5号（楚雄州民政局等4部门）";
pub const SEED_DIQING: &str = "迪办发〔2021〕26号（迪庆州委办、州政府办）";
pub const SEED_WUWEI: &str = "武政办发〔2023〕78号（武威市政府办）";
pub const SEED_CHANGZHI: &str = "长民函〔2022〕76号（长治市民政局）";

pub fn household_members() -> Source {
    src(DIBAO_REVIEW_2021, "共同生活的家庭成员（各省实施细则同文）")
}
pub fn income_categories() -> Source {
    src(DIBAO_REVIEW_2021, "家庭收入的构成")
}
pub fn income_not_counted() -> Source {
    src(DIBAO_REVIEW_2021, "不计入家庭收入的项目")
}
pub fn rigid_deduction() -> Source {
    src(
        SEED_CHUXIONG,
        "一（四）对符合刚性支出扣减要求的要充分扣减；西民函〔2022〕55号 二（二）2",
    )
}
pub fn support_exemption() -> Source {
    src(SEED_CHUXIONG, "一（二）供养费豁免；民发〔2022〕83号")
}
pub fn dibao_eligibility() -> Source {
    src(INTERIM_MEASURES, "第九条")
}
pub fn dibao_amount() -> Source {
    src(INTERIM_MEASURES, "第十二条")
}
pub fn dibao_whole_household() -> Source {
    src(SEED_CHUXIONG, "一（一）整户施保")
}
pub fn property_rules() -> Source {
    src(INTERIM_MEASURES, "第十条（财产状况由省级或设区的市级规定）")
}
pub fn relocation_housing() -> Source {
    src(SEED_CHUXIONG, "三（一）易地扶贫搬迁房产不作为限制条件")
}
pub fn single_person() -> Source {
    src(
        SEED_CHUXIONG,
        "一（二）参照“单人户”施保；西民函〔2022〕55号 二（二）2；迪办发〔2021〕26号 二（一）",
    )
}
pub fn tekun_conditions() -> Source {
    src(
        TEKUN_2021,
        "无劳动能力、无生活来源、无法定义务人或义务人无履行能力",
    )
}
pub fn tekun_minor() -> Source {
    src(
        NOTICE_2020,
        "未成年人年龄从16周岁延长至18周岁；特困人员认定办法第二十四条",
    )
}
pub fn tekun_standard() -> Source {
    src(
        SEED_XISHAN,
        "二（二）2 按照最低生活保障标准的1.3倍落实特困人员供养金及照料护理补贴",
    )
}
pub fn no_double_benefit() -> Source {
    src(TEKUN_2021, "")
}
pub fn edge_definition() -> Source {
    src(
        NOTICE_2020,
        "低保边缘家庭：人均收入低于当地低保标准1.5倍且财产状况符合规定",
    )
}
pub fn rigid_definition() -> Source {
    src(RIGID_2024, "认定条件")
}
pub fn rigid_hardship_meaning() -> Source {
    src(
        SEED_WUWEI,
        "刚性支出困难家庭（刚性支出较大导致基本生活出现严重困难的家庭）",
    )
}
pub fn temporary_relief() -> Source {
    src(INTERIM_MEASURES, "第四十七条")
}
pub fn temporary_relief_types() -> Source {
    src(TEMP_RELIEF_2018, "急难型、支出型")
}
pub fn uninsured_unemployed() -> Source {
    src(
        SEED_CHUXIONG,
        "二（一）未参保失业人员一次性临时救助；民发〔2020〕",
    )
}
pub fn pending_dibao_relief() -> Source {
    src(
        SEED_CHUXIONG,
        "二（二）低保审核确认期间遭遇突发性困难的，应及时给予临时救助",
    )
}
pub fn gradual_exit() -> Source {
    src(
        SEED_CHUXIONG,
        "一（三）落实低保渐退政策；迪办发〔2021〕26号 三（六）",
    )
}
pub fn medical_aid() -> Source {
    src(INTERIM_MEASURES, "第二十八、二十九条")
}
pub fn education_aid() -> Source {
    src(INTERIM_MEASURES, "第三十三条")
}
pub fn housing_aid() -> Source {
    src(INTERIM_MEASURES, "第三十七条")
}
pub fn employment_aid() -> Source {
    src(INTERIM_MEASURES, "第四十二至四十五条")
}
