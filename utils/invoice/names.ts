// What a person's name looks like: a family name from the common ones (single and compound) followed by one
// to three characters. Used to judge a 交款人 / 姓名 reading (OCR likes to glue a stray mark to a name), never to
// refuse one: an unusual name is kept and marked for checking.

/** Common family names (the great majority of the population), single characters. */
const SINGLE =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由';

const COMPOUND = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '夏侯', '令狐', '慕容', '尉迟', '宇文', '司徒', '长孙', '端木', '公孙', '澹台', '呼延', '轩辕', '独孤', '南宫'];

const SINGLE_SET = new Set(Array.from(SINGLE));

/** True for 2–4 characters starting with a common family name (a compound one leaves 1–2 more). */
export function isLikelyPersonName(name: string): boolean {
  const chars = Array.from(name.replace(/·/g, ''));
  if (chars.length < 2 || chars.length > 4) return false;
  const head = chars.slice(0, 2).join('');
  if (COMPOUND.includes(head)) return chars.length >= 3;
  return SINGLE_SET.has(chars[0]!) && chars.length <= 3;
}

/**
 * Characters the recogniser reads as one another with full confidence (宇 → 字, 凤 → 风 …): a name holding one
 * of them is shown for checking whatever the recogniser says.
 */
const CONFUSED = ['宇字', '凤风', '己已巳', '未末', '士土', '日曰', '戊戌戍', '微徽', '汩汨', '晴睛', '茵菌', '钧钩', '斌赋', '琪琦', '瑛锳', '祯桢', '崇祟', '娴嫺', '枫机'];
const CONFUSED_SET = new Set(CONFUSED.flatMap((g) => Array.from(g)));

/** True when `name` holds a character the recogniser confuses with another one. */
export function hasConfusableChar(name: string): boolean {
  return Array.from(name).some((c) => CONFUSED_SET.has(c));
}
