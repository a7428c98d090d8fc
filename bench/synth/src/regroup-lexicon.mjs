// Word lists of the `regrouped` profile (body.regroup): new headings for merged, split and retitled child
// tasks, new section headings, headings for the child's 保障措施 items and safeguards a child adds on its own.
// Keyed by the parent section index (1–10 of 002) or the parent safeguard number (S1–S5). Placeholders:
// {short} place name, {self} 市/区. Not overridable by --lexicon (they are specific to the parent 002).

/** headings for a child task that merges parent tasks (or carries a part of a split one), by parent section */
export const MERGE_TITLES = {
  1: ['全面加强政府系统党的建设', '推进全面从严治党向纵深发展', '锻造忠诚干净担当的干部队伍', '持续深化作风效能建设'],
  2: ['提升科学决策水平', '推进决策科学化民主化法治化', '完善重大决策全过程管理', '强化决策咨询支撑'],
  3: ['健全抓落实工作机制', '强化督查考核问责', '营造干事创业良好氛围', '完善目标责任管理'],
  4: ['深化政府职能转变', '提升行政运行规范化水平', '推进机构职能优化协同高效', '强化制度标准供给'],
  5: ['全面推进法治政府建设', '提升依法行政水平', '强化执法规范化建设', '推进社会治理法治化'],
  6: ['打造最优营商环境', '提升政务服务便利化水平', '推进公共服务提质增效', '深化“最多跑一次”改革攻坚'],
  7: ['加快推进数字政府建设', '推动政务数据共享开放', '夯实政府数字化转型基础', '提升数据治理能力'],
  8: ['提升基层治理能力', '推进基层治理体系现代化', '强化基层综合执法'],
  9: ['加强政务诚信建设', '推进社会信用体系建设', '提升政府公信力和透明度'],
  10: ['建设高素质专业化公务员队伍', '提升干部履职本领', '完善公务员管理制度', '激励干部担当作为'],
  0: ['推进重点领域改革攻坚', '强化工作统筹协调', '提升政府治理效能'],
};

/** child section headings (regrouped sections), by the parent section that contributes most to the group */
export const REGROUP_SECTIONS = {
  1: ['坚持党建引领，建设忠诚干净担当的政府', '加强政府自身建设，筑牢政治根基'],
  2: ['强化谋划引领，提升科学决策能力', '聚焦科学决策，增强谋划能力'],
  3: ['狠抓工作落实，提升政府执行力', '强化执行落实，提升工作效能'],
  4: ['深化改革创新，提升行政质量', '推进职能转变，提高行政质量'],
  5: ['坚持依法行政，加快建设法治政府', '强化法治保障，提升依法行政能力'],
  6: ['优化政务服务，提升行政效率', '聚焦群众办事，提高服务效率'],
  7: ['加快数字化转型，建设数字政府', '推进数据赋能，提升智慧治理水平'],
  8: ['夯实治理基础，提升基层治理能力', '推动重心下移，增强基层治理能力'],
  9: ['建设诚信政府，提升政府公信力', '推进阳光透明，增强政府公信力'],
  10: ['建强干部队伍，提升公务员素质能力', '加强队伍建设，提升履职能力'],
};

/** headings of the child's 保障措施 items carried from the parent's safeguards (S1–S5 of 002) */
export const SAFEGUARD_TITLES = {
  1: ['强化组织领导', '加强组织领导', '压实工作责任'],
  2: ['加强统筹协调', '完善工作举措', '强化协同推进'],
  3: ['抓好改革试点', '推进试点探索'],
  4: ['强化督查考核', '严格督查问责', '健全督查和追责机制'],
  5: ['健全评价体系', '强化考核评价', '开展成效评估'],
};

/** where a parent safeguard lands when the child carries it as a body task: the parent task it sits after */
export const SAFEGUARD_ANCHORS = { 1: 'B3.2', 2: 'B3.2', 3: 'B4.1', 4: 'B3.3', 5: 'B3.1' };

/** safeguards a child adds on its own (no parent safeguard or task): heading + measures */
export const ADDED_SAFEGUARDS = [
  ['加强宣传引导', ['充分利用报刊、广播电视、网络等媒体，广泛宣传{short}政府自身建设的做法和成效。', '及时总结推广基层的好经验好做法，营造良好社会氛围。']],
  ['强化要素保障', ['{self}财政要统筹安排相关工作经费，保障重点任务推进所需的人员和资金。']],
  ['注重总结提升', ['各牵头部门要及时总结工作成效，每半年报送一次推进情况，形成一批可复制可推广的{short}经验。']],
];

/** parent body tasks that real children tend to move into their 保障措施 part (weight × 4) */
export const SAFEGUARD_LIKE = /督查|考核|评价|问责|容错|队伍|学习|作风|纪律|组织|保障|公务员/;
