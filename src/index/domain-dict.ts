// Domain words jieba's general dictionary splits wrongly (职工之家 → 职工/之家, 密云区 → 密云/区), with POS tags.

const WORDS: [string, string][] = [
  ...["东城区", "西城区", "朝阳区", "海淀区", "丰台区", "石景山区", "门头沟区", "房山区", "通州区", "顺义区", "昌平区", "大兴区", "怀柔区", "平谷区", "密云区", "延庆区", "经开区"].map(
    (w): [string, string] => [w, "ns"],
  ),
  ...["总工会", "市总工会", "区总工会", "金融工会", "职工之家", "暖心驿站", "工会服务站", "母婴室", "职工创新工作室"].map((w): [string, string] => [w, "nt"]),
  ...["常务副主席", "副主席", "党组书记", "副书记", "劳模", "劳动模范", "大工匠", "北京大工匠", "娘家人", "产业工人", "新就业形态", "劳动者", "女职工", "干警"].map(
    (w): [string, string] => [w, "n"],
  ),
  ...["一等奖", "二等奖", "三等奖", "优秀奖", "优秀组织单位", "技能竞赛", "康复临床", "疗休养", "健步走", "公益演出", "茶艺", "学雷锋", "志愿服务", "主题教育", "工匠精神", "劳模精神", "劳动精神", "二十大", "十八大", "工运", "冬奥", "经审", "纪检监察"].map(
    (w): [string, string] => [w, "n"],
  ),
];

/** The words in jieba's dictionary format: `word freq tag` per line. */
export const DOMAIN_DICT = new TextEncoder().encode(WORDS.map(([w, t]) => `${w} 50000 ${t}`).join("\n") + "\n");
